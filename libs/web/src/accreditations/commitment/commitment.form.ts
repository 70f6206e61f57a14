import { commitmentBody, type CommitmentBody } from '@due-regard/accreditations';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors.js';
import { checkedValues, textField, type FormBody } from '../../forms/form-body.js';

/** What the commitment form holds, as typed: shown again when something needs correcting. */
export interface CommitmentFormValues {
  readonly status: string;
  readonly actionIds: readonly string[];
  /** The links already recorded that are kept (ticked), by their position. */
  readonly keptLinks: readonly string[];
  readonly newLinkTitle: string;
  readonly newLinkUrl: string;
}

export type CommitmentFormResult =
  | { readonly kind: 'valid'; readonly values: CommitmentFormValues; readonly commitment: CommitmentBody }
  | { readonly kind: 'invalid'; readonly values: CommitmentFormValues; readonly errors: FieldErrors };

export const COMMITMENT_FIELDS = ['status', 'actionIds', 'keptLinks', 'newLinkTitle', 'newLinkUrl'];

const MESSAGES = { status: { default: 'Select where the council stands on it' } };

/**
 * Reads the posted form: the status, the actions ticked, the recorded links still ticked, and a new
 * link when a title or an address was typed (both are then needed).
 */
export function readCommitmentForm(
  body: FormBody,
  ref: string,
  recordedLinks: readonly { readonly title: string; readonly url: string }[],
): CommitmentFormResult {
  const values: CommitmentFormValues = {
    status: textField(body, 'status'),
    actionIds: checkedValues(body, 'actionIds'),
    keptLinks: checkedValues(body, 'keptLinks'),
    newLinkTitle: textField(body, 'newLinkTitle'),
    newLinkUrl: textField(body, 'newLinkUrl').trim(),
  };
  const kept = recordedLinks.filter((_link, index) => values.keptLinks.includes(String(index)));
  const adding = values.newLinkTitle.trim() !== '' || values.newLinkUrl !== '';
  const links = adding ? [...kept, { title: values.newLinkTitle, url: values.newLinkUrl }] : kept;
  const parsed = commitmentBody.safeParse({
    ref,
    status: values.status === '' ? undefined : values.status,
    actionIds: values.actionIds,
    links,
  });
  if (parsed.success) return { kind: 'valid', values, commitment: parsed.data };
  const errors: Record<string, string> = { ...fieldErrorsFromZod(parsed.error.issues, MESSAGES) };
  // A fault in the new link (the last one) is shown on its own field.
  delete errors['links'];
  for (const issue of parsed.error.issues) {
    if (issue.path[0] !== 'links' || issue.path[1] !== links.length - 1 || !adding) continue;
    const field = issue.path[2] === 'url' ? 'newLinkUrl' : 'newLinkTitle';
    errors[field] ??= issue.message;
  }
  if (Object.keys(errors).length === 0) errors['newLinkUrl'] = 'Check the links';
  return { kind: 'invalid', values, errors };
}
