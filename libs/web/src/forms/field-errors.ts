import type { z } from 'zod';
import { DomainRuleViolation, isUnstorableTextIssue } from '@due-regard/shared-kernel';
import { ukDate } from '../rendering/uk-dates.js';

/** One message per form field, keyed by the field's HTML id (the error summary links to it). */
export type FieldErrors = Readonly<Record<string, string>>;

/** What govukErrorSummary's errorList takes. */
export interface ErrorSummaryItem {
  readonly text: string;
  readonly href?: string;
}

/**
 * Messages for a field's zod issues, by issue code ("invalid_value", "too_big", ...), with
 * `default` for any other code; where none is given the schema's own message stands.
 */
export type IssueMessages = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * zod issues as field errors: the first segment of each issue's path names the body field, `anchors`
 * maps it to the form field's id (the same name when absent). The first issue of a field wins. Text
 * that cannot be stored keeps its own message, which says which character to remove.
 */
export function fieldErrorsFromZod(
  issues: readonly z.core.$ZodIssue[],
  messages: IssueMessages = {},
  anchors: Readonly<Record<string, string>> = {},
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length === 0 ? '' : String(issue.path[0]);
    const anchor = anchors[field] ?? field;
    if (anchor === '' || anchor in errors) continue;
    const forField = messages[field];
    errors[anchor] = isUnstorableTextIssue(issue)
      ? issue.message
      : (forField?.[issue.code] ?? forField?.['default'] ?? issue.message);
  }
  return errors;
}

/** Field errors in the order the form shows its fields, for govukErrorSummary. */
export function errorSummary(errors: FieldErrors, fieldOrder: readonly string[]): ErrorSummaryItem[] {
  const ordered = [
    ...fieldOrder.filter((field) => field in errors),
    ...Object.keys(errors).filter((field) => !fieldOrder.includes(field)),
  ];
  return ordered.map((field) => {
    const text = errors[field] ?? '';
    return field === FORM_ERROR ? { text } : { text, href: `#${field}` };
  });
}

/** A refusal that is about the whole form rather than one field: in the summary, linked to nothing. */
export const FORM_ERROR = '_form';

/** ISO dates in the domain's messages ("dated 2024-10-01") read as people write them ("1 October 2024"). */
export function inUkDates(message: string): string {
  return message.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => ukDate(date));
}

/**
 * A business rule's refusal as a field error: on the field it names (mapped through `anchors` to the
 * form's id), or on the form as a whole when it names none or one the form does not show.
 */
export function fieldErrorsFromRule(
  violation: DomainRuleViolation,
  anchors: Readonly<Record<string, string>> = {},
): FieldErrors {
  const field = violation.field === undefined ? undefined : (anchors[violation.field] ?? violation.field);
  const shown = field !== undefined && Object.values(anchors).includes(field);
  return { [shown ? field : FORM_ERROR]: inUkDates(violation.message) };
}
