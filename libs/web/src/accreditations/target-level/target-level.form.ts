import { planJourneyBody } from '@due-regard/accreditations';
import { textField, type FormBody } from '../../forms/form-body.js';

/** The radio for "no target". */
export const NO_TARGET = 'none';

export type TargetLevelForm =
  | { readonly kind: 'valid'; readonly targetLevel: number | null }
  | { readonly kind: 'invalid'; readonly errors: { readonly targetLevel: string } };

/** The target-level form as posted: one of the scheme's levels, or none. */
export function readTargetLevelForm(body: FormBody): TargetLevelForm {
  const chosen = textField(body, 'targetLevel');
  const parsed = planJourneyBody.safeParse({
    targetLevel: chosen === NO_TARGET ? null : /^\d+$/.test(chosen) ? Number(chosen) : undefined,
  });
  if (chosen === '' || !parsed.success || parsed.data.targetLevel === undefined) {
    return { kind: 'invalid', errors: { targetLevel: 'Select the level the council aims for, or no target' } };
  }
  return { kind: 'valid', targetLevel: parsed.data.targetLevel };
}
