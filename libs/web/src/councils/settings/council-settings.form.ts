import { textField, type FormBody } from '../../forms/form-body.js';
import { QUARTER_CONVENTIONS, type QuarterConvention } from '@due-regard/shared-kernel';

export const SETTINGS_FIELDS = ['quarterConvention'] as const;

export type SettingsForm =
  | { readonly kind: 'valid'; readonly quarterConvention: QuarterConvention }
  | { readonly kind: 'invalid'; readonly errors: { readonly quarterConvention: string } };

/** The settings form as posted: one of the quarter conventions must be chosen. */
export function readSettingsForm(body: FormBody): SettingsForm {
  const chosen = QUARTER_CONVENTIONS.find((convention) => convention === textField(body, 'quarterConvention'));
  return chosen === undefined
    ? { kind: 'invalid', errors: { quarterConvention: 'Select how your council numbers quarters' } }
    : { kind: 'valid', quarterConvention: chosen };
}

/** The radios of the quarter convention, in the words an officer would use. */
export function quarterConventionItems(
  checked: QuarterConvention | null,
): { value: QuarterConvention; text: string; hint: { text: string }; checked: boolean }[] {
  return [
    {
      value: 'calendar',
      text: 'Calendar year',
      hint: { text: 'Q1 is January to March, Q2 April to June, Q3 July to September, Q4 October to December' },
      checked: checked === 'calendar',
    },
    {
      value: 'financial',
      text: 'Financial year',
      hint: { text: 'Q1 is April to June, Q2 July to September, Q3 October to December, Q4 January to March' },
      checked: checked === 'financial',
    },
  ];
}

/** "Calendar year (Q1 is January to March)": the setting as the summary shows it. */
export function quarterConventionWords(convention: QuarterConvention): string {
  return convention === 'calendar' ? 'Calendar year (Q1 is January to March)' : 'Financial year (Q1 is April to June)';
}
