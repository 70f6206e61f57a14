import { recordAwardBody, type RecordAwardBody } from '@due-regard/accreditations';
import { dateInputValues, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors.js';
import { textField, type FormBody } from '../../forms/form-body.js';

/** What the record-an-award form holds, as typed: shown again when something needs correcting. */
export interface AwardFormValues {
  readonly level: string;
  readonly awardedOn: DateInputValues;
  readonly expiresOn: DateInputValues;
}

export type AwardFormResult =
  | { readonly kind: 'valid'; readonly values: AwardFormValues; readonly award: RecordAwardBody }
  | { readonly kind: 'invalid'; readonly values: AwardFormValues; readonly errors: FieldErrors };

/** The fields in the order the form shows them: the error summary follows it. */
export const AWARD_FIELDS = [
  'level',
  'awardedOn-day',
  'awardedOn-month',
  'awardedOn-year',
  'expiresOn-day',
  'expiresOn-month',
  'expiresOn-year',
];

/** The command's field names, as the ids of the form's fields. */
export const AWARD_ANCHORS = { level: 'level', awardedOn: 'awardedOn-day', expiresOn: 'expiresOn-day' };

const MESSAGES = { level: { default: 'Select the level awarded' } };

export const EMPTY_AWARD_FORM: AwardFormValues = {
  level: '',
  awardedOn: { day: '', month: '', year: '' },
  expiresOn: { day: '', month: '', year: '' },
};

/** Reads the posted form into the body the API takes; the expiry may be left blank (computed). */
export function readAwardForm(body: FormBody): AwardFormResult {
  const values: AwardFormValues = {
    level: textField(body, 'level'),
    awardedOn: dateInputValues(body, 'awardedOn'),
    expiresOn: dateInputValues(body, 'expiresOn'),
  };
  const awardedOn = readDateInput(values.awardedOn, 'The award date');
  const expiresOn = readDateInput(values.expiresOn, 'The expiry date');
  const errors: Record<string, string> = {};
  const parsed = recordAwardBody.safeParse({
    level: /^\d+$/.test(values.level) ? Number(values.level) : undefined,
    awardedOn: awardedOn.kind === 'date' ? awardedOn.date : undefined,
    ...(expiresOn.kind === 'date' ? { expiresOn: expiresOn.date } : {}),
  });
  if (!parsed.success) Object.assign(errors, fieldErrorsFromZod(parsed.error.issues, MESSAGES, AWARD_ANCHORS));
  if (awardedOn.kind === 'empty') errors['awardedOn-day'] = 'Enter the date of the award';
  if (awardedOn.kind === 'invalid') errors[`awardedOn-${awardedOn.parts[0] ?? 'day'}`] = awardedOn.message;
  if (expiresOn.kind === 'invalid') errors[`expiresOn-${expiresOn.parts[0] ?? 'day'}`] = expiresOn.message;
  if (!parsed.success || Object.keys(errors).length > 0) return { kind: 'invalid', values, errors };
  return { kind: 'valid', values, award: parsed.data };
}
