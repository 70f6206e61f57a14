import { COUNCIL_TYPES, NATIONS, registerCouncilBody, type RegisterCouncilBody } from '@due-regard/councils';
import { fieldErrorsFromZod, type FieldErrors } from '../forms/field-errors.js';
import { textField, type FormBody } from '../forms/form-body.js';

/** The fields in the order the form shows them (and the error summary lists them). */
export const REGISTER_COUNCIL_FIELDS = ['slug', 'name', 'type', 'nation', 'region'] as const;

export type RegisterCouncilForm =
  | { readonly kind: 'valid'; readonly council: RegisterCouncilBody }
  | { readonly kind: 'invalid'; readonly errors: FieldErrors };

const MESSAGES = {
  slug: { default: 'Enter the sub-domain, for example charnwood' },
  name: { too_big: 'The council name must be 200 characters or fewer' },
  type: { default: 'Select the type of council' },
  nation: { default: 'Select the nation the council is in' },
  region: { too_big: 'The region must be 100 characters or fewer' },
};

/** The posted form read through the API's own body schema, so the page and `POST /api/v1/councils` agree. */
export function readRegisterCouncilForm(body: FormBody): RegisterCouncilForm {
  const posted = Object.fromEntries(REGISTER_COUNCIL_FIELDS.map((field) => [field, textField(body, field)]));
  const slugGiven = posted['slug']?.trim() ?? '';
  const parsed = registerCouncilBody.safeParse({ ...posted, slug: slugGiven === '' ? undefined : slugGiven });
  return parsed.success
    ? { kind: 'valid', council: parsed.data }
    : { kind: 'invalid', errors: fieldErrorsFromZod(parsed.error.issues, MESSAGES) };
}

/** The select options: a blank first, so nobody registers a type by leaving the default. */
export function choiceItems(
  choices: readonly string[],
  chosen: string,
): { value: string; text: string; selected: boolean }[] {
  return [
    { value: '', text: 'Choose…', selected: chosen === '' },
    ...choices.map((choice) => ({ value: choice, text: choice, selected: choice === chosen })),
  ];
}

export const COUNCIL_TYPE_CHOICES: readonly string[] = COUNCIL_TYPES;
export const NATION_CHOICES: readonly string[] = NATIONS;
