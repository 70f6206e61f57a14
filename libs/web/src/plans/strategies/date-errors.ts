import type { DateInputResult, DateInputValues } from '../../forms/date-input.js';
import type { FieldErrors } from '../../forms/field-errors.js';

export const EMPTY_DATE: DateInputValues = { day: '', month: '', year: '' };

/** The date input's error, keyed by the part to link to; nothing when it holds a date (or may be left empty). */
export function dateError(prefix: string, result: DateInputResult, whenEmpty: string | null): FieldErrors {
  if (result.kind === 'empty') return whenEmpty === null ? {} : { [`${prefix}-day`]: whenEmpty };
  if (result.kind === 'invalid') return { [`${prefix}-${result.parts[0] ?? 'day'}`]: result.message };
  return {};
}
