import {
  defineMeasureBody,
  recordMeasureReadingBody,
  type MeasureSuggestion,
  type MeasureUnit,
  type NewMeasure,
} from '@due-regard/plans';
import { dateInputValues, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors.js';
import { textField, type FormBody } from '../../forms/form-body.js';

// Record a reading ---------------------------------------------------------------------------

export interface ReadingFormValues {
  readonly value: string;
  readonly on: DateInputValues;
  readonly note: string;
}

export type ReadingFormResult =
  | {
      readonly kind: 'valid';
      readonly values: ReadingFormValues;
      readonly reading: { readonly value: number | string; readonly on: string; readonly note: string | null };
    }
  | { readonly kind: 'invalid'; readonly values: ReadingFormValues; readonly errors: FieldErrors };

export const READING_FIELDS = ['value', 'on-day', 'on-month', 'on-year', 'note'];
export const READING_ANCHORS = { value: 'value', asOf: 'on-day', on: 'on-day', note: 'note' };

/** "90", "90%", "£1,200" and "1,200" are numbers; a measure in words takes the words. */
function numberTyped(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replace(/%$/, '').replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function readReadingForm(body: FormBody, unit: MeasureUnit): ReadingFormResult {
  const values: ReadingFormValues = {
    value: textField(body, 'value'),
    on: dateInputValues(body, 'on'),
    note: textField(body, 'note'),
  };
  const errors: Record<string, string> = {};
  const number = unit === 'text' ? null : numberTyped(values.value);
  if (values.value.trim() === '') errors['value'] = 'Enter the reading';
  else if (unit !== 'text' && number === null) errors['value'] = 'Enter the reading as a number, such as 92';
  const on = readDateInput(values.on, 'The date of the reading');
  if (on.kind === 'empty') errors['on-day'] = 'Enter the date of the reading';
  if (on.kind === 'invalid') errors[`on-${on.parts[0] ?? 'day'}`] = on.message;
  const parsed = recordMeasureReadingBody.safeParse({
    value: unit === 'text' ? values.value.trim() : (number ?? 0),
    on: on.kind === 'date' ? on.date : '2000-01-01',
    note: values.note.trim() === '' ? null : values.note,
  });
  if (!parsed.success) Object.assign(errors, fieldErrorsFromZod(parsed.error.issues, {}, READING_ANCHORS), errors);
  if (!parsed.success || Object.keys(errors).length > 0 || on.kind !== 'date') {
    return { kind: 'invalid', values, errors };
  }
  return {
    kind: 'valid',
    values,
    reading: { value: parsed.data.value, on: on.date, note: parsed.data.note ?? null },
  };
}

// Define a measure ---------------------------------------------------------------------------

export interface MeasureFormValues {
  readonly title: string;
  readonly unit: string;
  readonly direction: string;
  readonly baseline: string;
  /** 'none', 'direction', or a comparator ('more-than', 'at-least'…) with `targetValue`. */
  readonly targetKind: string;
  readonly targetValue: string;
}

export type MeasureFormResult =
  | { readonly kind: 'valid'; readonly values: MeasureFormValues; readonly measure: Omit<NewMeasure, 'subject'> }
  | { readonly kind: 'invalid'; readonly values: MeasureFormValues; readonly errors: FieldErrors };

export const MEASURE_FIELDS = ['title', 'unit', 'direction', 'baseline', 'targetKind', 'targetValue'];
export const MEASURE_ANCHORS = {
  title: 'title',
  unit: 'unit',
  direction: 'direction',
  baseline: 'baseline',
  'baseline.value': 'baseline',
  target: 'targetKind',
  'target.value': 'targetValue',
  'target.comparator': 'targetKind',
};

/** The form pre-filled from a success measure's words; what could not be read is left for the person. */
export function measureFormFromSuggestion(suggestion: MeasureSuggestion): MeasureFormValues {
  const { target } = suggestion;
  return {
    title: suggestion.title,
    unit: suggestion.unit,
    direction: suggestion.direction,
    baseline: '',
    targetKind: target === null ? 'none' : target.kind === 'direction' ? 'direction' : target.comparator,
    targetValue: target?.kind === 'threshold' ? String(target.value) : '',
  };
}

export const EMPTY_MEASURE_FORM: MeasureFormValues = {
  title: '',
  unit: '',
  direction: '',
  baseline: '',
  targetKind: 'none',
  targetValue: '',
};

export function readMeasureForm(body: FormBody): MeasureFormResult {
  const values: MeasureFormValues = {
    title: textField(body, 'title'),
    unit: textField(body, 'unit'),
    direction: textField(body, 'direction'),
    baseline: textField(body, 'baseline'),
    targetKind: textField(body, 'targetKind') || 'none',
    targetValue: textField(body, 'targetValue'),
  };
  const errors: Record<string, string> = {};
  if (values.title.trim() === '') errors['title'] = 'Say what is measured';
  const words = values.unit === 'text';
  const baselineNumber = numberTyped(values.baseline);
  if (values.baseline.trim() !== '' && !words && baselineNumber === null) {
    errors['baseline'] = 'Enter the baseline as a number, such as 62';
  }
  const threshold = !['none', 'direction'].includes(values.targetKind);
  const targetNumber = numberTyped(values.targetValue);
  if (threshold && targetNumber === null) errors['targetValue'] = 'Enter the target as a number, such as 90';
  const parsed = defineMeasureBody.safeParse({
    subject: { actionId: '00000000-0000-4000-8000-000000000000' },
    title: values.title,
    unit: values.unit === '' ? undefined : values.unit,
    direction: values.direction === '' ? undefined : values.direction,
    baseline: values.baseline.trim() === '' ? null : { value: words ? values.baseline.trim() : (baselineNumber ?? 0) },
    target:
      values.targetKind === 'none'
        ? null
        : values.targetKind === 'direction'
          ? { kind: 'direction' }
          : { kind: 'threshold', comparator: values.targetKind, value: targetNumber ?? 0 },
  });
  const messages = {
    title: { default: 'Say what is measured' },
    unit: { default: 'Select what the measure counts in' },
    direction: { default: 'Select which way the measure should go' },
  };
  if (!parsed.success)
    Object.assign(errors, fieldErrorsFromZod(parsed.error.issues, messages, MEASURE_ANCHORS), errors);
  if (!parsed.success || Object.keys(errors).length > 0) return { kind: 'invalid', values, errors };
  const { title, unit, direction, baseline, target } = parsed.data;
  return {
    kind: 'valid',
    values,
    measure: {
      title,
      unit,
      direction,
      baseline: baseline == null ? null : { value: baseline.value, asOf: null },
      target,
    },
  };
}
