import { errorSummary, type ErrorSummaryItem, type FieldErrors } from '../../forms/field-errors.js';
import type { ActionDetail, PlanAsOf } from '@due-regard/plans';
import { actionName } from './action-words.js';
import { pagePaths, type ChangeSince } from './plan-pages.js';

/** How a form is shown: fresh, with errors to correct, or again after someone else's change. */
export interface FormState {
  /** The version the form sends back as If-Match; '' when unknown. */
  readonly version?: number | string;
  readonly errors?: FieldErrors;
  /** Set when the thing changed since the form was opened: what changed. */
  readonly changes?: readonly ChangeSince[];
  readonly status?: number;
}

export interface FormModel {
  readonly hasErrors: boolean;
  readonly errors: FieldErrors;
  readonly errorList: ErrorSummaryItem[];
  readonly changes: readonly ChangeSince[] | null;
  readonly version: number | string | undefined;
}

/** What form-page.njk needs of a form's state; `fields` in the order the form shows them. */
export function formModel(fields: readonly string[], state: FormState): FormModel {
  const errors = state.errors ?? {};
  return {
    hasErrors: Object.keys(errors).length > 0,
    errors,
    errorList: errorSummary(errors, fields),
    changes: state.changes ?? null,
    version: state.version,
  };
}

export const STALE_ACTION_TITLE = 'This action changed while you were editing';

/**
 * What every form on one action shows: its title (or the stale-edit title after someone else's
 * change), the form's state, the action it is about, and where it posts (`<action page>/<path>`).
 */
export function actionFormModel(
  action: ActionDetail,
  form: { readonly title: string; readonly fields: readonly string[]; readonly path: string },
  state: FormState,
): FormModel & { pageTitle: string; caption: string; actionHref: string; formAction: string } {
  const actionHref = pagePaths.action(action.planId, action.id);
  return {
    pageTitle: state.changes === undefined ? form.title : STALE_ACTION_TITLE,
    ...formModel(form.fields, state),
    caption: actionName(action),
    actionHref,
    formAction: `${actionHref}/${form.path}`,
  };
}

/** What every form on one plan shows: its title, the form's state, the plan it is about (back and cancel lead there), and where it posts (`<plan page>/<path>`). */
export function planFormModel(
  plan: PlanAsOf,
  form: { readonly title: string; readonly fields: readonly string[]; readonly path: string },
  state: FormState,
): FormModel & { pageTitle: string; caption: string; backHref: string; cancelHref: string; formAction: string } {
  const planHref = pagePaths.plan(plan.plan.planId);
  return {
    pageTitle: form.title,
    ...formModel(form.fields, state),
    caption: plan.plan.title,
    backHref: planHref,
    cancelHref: planHref,
    formAction: `${planHref}/${form.path}`,
  };
}
