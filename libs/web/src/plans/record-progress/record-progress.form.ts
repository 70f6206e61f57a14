import { recordProgressBody, type ProgressReport } from '@due-regard/plans';
import { dateInputValues, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors.js';
import { textField, type FormBody } from '../../forms/form-body.js';

/** What the record-progress form holds, as typed: shown again when something needs correcting. */
export interface ProgressFormValues {
  readonly status: string;
  readonly rag: string;
  readonly narrative: string;
  readonly asOf: DateInputValues;
}

export type ProgressFormResult =
  | { readonly kind: 'valid'; readonly values: ProgressFormValues; readonly report: ProgressReport }
  | { readonly kind: 'invalid'; readonly values: ProgressFormValues; readonly errors: FieldErrors };

/** The fields in the order the form shows them: the error summary follows it. */
export const PROGRESS_FIELDS = ['status', 'rag', 'narrative', 'asOf-day', 'asOf-month', 'asOf-year'];

/** The domain's field names, as the ids of the form's fields. */
export const PROGRESS_ANCHORS = { status: 'status', rag: 'rag', narrative: 'narrative', asOf: 'asOf-day' };

const MESSAGES = {
  status: { default: 'Select the status of the action' },
  rag: { default: 'Select a RAG rating' },
  narrative: { too_big: 'The progress must be 10,000 characters or fewer' },
};

export function readProgressForm(body: FormBody): ProgressFormResult {
  const values: ProgressFormValues = {
    status: textField(body, 'status'),
    rag: textField(body, 'rag'),
    narrative: textField(body, 'narrative'),
    asOf: dateInputValues(body, 'asOf'),
  };
  const asOf = readDateInput(values.asOf, 'The date of the update');
  const parsed = recordProgressBody.safeParse({
    status: values.status === '' ? undefined : values.status,
    rag: values.rag === '' ? undefined : values.rag,
    narrative: values.narrative.trim() === '' ? '' : values.narrative,
    asOf: asOf.kind === 'date' ? asOf.date : undefined,
  });
  const errors: Record<string, string> = parsed.success
    ? {}
    : { ...fieldErrorsFromZod(parsed.error.issues, MESSAGES, PROGRESS_ANCHORS) };
  if (asOf.kind === 'invalid') errors[`asOf-${asOf.parts[0] ?? 'day'}`] = asOf.message;
  if (!parsed.success || asOf.kind === 'invalid') return { kind: 'invalid', values, errors };
  const { status, rag, narrative } = parsed.data;
  return { kind: 'valid', values, report: { status, rag, narrative, asOf: parsed.data.asOf } };
}
