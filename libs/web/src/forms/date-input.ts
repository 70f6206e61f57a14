import { formatCalendarDate, isValidDay, type CalendarDate } from '@due-regard/plans';

/** What someone typed into a GOV.UK date input, kept as typed so that the form can show it again. */
export interface DateInputValues {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export type DateInputResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly date: CalendarDate }
  /** `parts`: which of day, month and year to highlight. */
  | { readonly kind: 'invalid'; readonly message: string; readonly parts: readonly (keyof DateInputValues)[] };

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The fields `<prefix>-day`, `<prefix>-month`, `<prefix>-year` of a posted form (govukDateInput's namePrefix). */
export function dateInputValues(body: Readonly<Record<string, unknown>>, prefix: string): DateInputValues {
  const field = (part: string): string => {
    const value = body[`${prefix}-${part}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: field('day'), month: field('month'), year: field('year') };
}

/** A month as a number, or as a name or its first three letters ("Sept", "june"), as GOV.UK advises. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = MONTH_NAMES.indexOf(text.slice(0, 3).toLowerCase());
  return index === -1 || !/^[a-z]+$/i.test(text) ? null : index + 1;
}

/**
 * A GOV.UK date input read as a calendar date, with the Design System's messages: what is missing,
 * then whether it is a real date. `what` is how the message names the date ("The date of the update").
 */
export function readDateInput(values: DateInputValues, what: string): DateInputResult {
  const missing = (['day', 'month', 'year'] as const).filter((part) => values[part] === '');
  if (missing.length === 3) return { kind: 'empty' };
  if (missing.length > 0) {
    return { kind: 'invalid', message: `${what} must include a ${missing.join(' and ')}`, parts: missing };
  }
  const month = monthNumber(values.month);
  const day = /^\d{1,2}$/.test(values.day) ? Number(values.day) : null;
  const year = /^\d{4}$/.test(values.year) ? Number(values.year) : null;
  if (year === null) {
    return { kind: 'invalid', message: `${what}: the year must include 4 numbers`, parts: ['year'] };
  }
  if (day === null || month === null || !isValidDay(year, month, day)) {
    const parts: (keyof DateInputValues)[] = [];
    if (month === null || month < 1 || month > 12) parts.push('month');
    if (day === null || parts.length === 0) parts.unshift('day');
    return { kind: 'invalid', message: `${what} must be a real date`, parts };
  }
  return { kind: 'date', date: formatCalendarDate(year, month, day) };
}

export const EMPTY_DATE: DateInputValues = { day: '', month: '', year: '' };

/**
 * The date input's error, keyed by the part to link to (`<prefix>-day`…); nothing when it holds a
 * date, or when it is empty and may be (`whenEmpty` null: "leave it empty for today").
 */
export function dateError(
  prefix: string,
  result: DateInputResult,
  whenEmpty: string | null,
): Readonly<Record<string, string>> {
  if (result.kind === 'empty') return whenEmpty === null ? {} : { [`${prefix}-day`]: whenEmpty };
  if (result.kind === 'invalid') return { [`${prefix}-${result.parts[0] ?? 'day'}`]: result.message };
  return {};
}
