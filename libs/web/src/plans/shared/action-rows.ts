import type { ActionSummaryDto, PlanDetailDto } from '@due-regard/plans';
import { actionStatusTag, ragTag, type Tag } from './wording.js';
import { ukDate } from '../../rendering/uk-dates.js';

/** An action as the pages' tables show it, linking to its own page. */
export interface ActionRow {
  readonly href: string;
  readonly historyHref: string;
  readonly ref: string;
  readonly title: string;
  readonly planTitle: string;
  /** As the council wrote it; the schedule's last date when it wrote nothing. */
  readonly due: string;
  readonly leads: string;
  readonly status: Tag;
  readonly rag: Tag;
  readonly overdue: boolean;
}

/** What these tables need of a plan. */
export type PlanActions = Pick<PlanDetailDto, 'id' | 'title' | 'today' | 'actions'>;

export const actionHref = (planId: string, actionId: string): string =>
  `/plans/${encodeURIComponent(planId)}/actions/${encodeURIComponent(actionId)}`;

export function actionRow(plan: Pick<PlanDetailDto, 'id' | 'title'>, action: ActionSummaryDto): ActionRow {
  return {
    href: actionHref(plan.id, action.id),
    historyHref: `${actionHref(plan.id, action.id)}/history`,
    ref: action.ref ?? '',
    title: action.title,
    planTitle: plan.title,
    due: action.due.text ?? ukDate(action.due.final),
    leads: action.leads.join(', '),
    status: actionStatusTag(action.status),
    rag: ragTag(action.rag),
    overdue: action.overdue,
  };
}

/** Overdue actions of these plans, the longest overdue first. */
export function overdueActions(plans: readonly PlanActions[]): ActionRow[] {
  return plans
    .flatMap((plan) => plan.actions.filter((action) => action.overdue).map((action) => ({ plan, action })))
    .sort((a, b) => (a.action.due.final ?? '').localeCompare(b.action.due.final ?? ''))
    .map(({ plan, action }) => actionRow(plan, action));
}

/** The first date of an action's due from today on; null when none is. */
export function nextDueDate(action: Pick<ActionSummaryDto, 'due'>, today: string): string | null {
  return action.due.dates.find((date) => date >= today) ?? null;
}

/** Actions of these plans due in the next 90 days, the soonest first, each with that date. */
export function actionsDueSoon(plans: readonly PlanActions[]): (ActionRow & { readonly nextDue: string })[] {
  return plans
    .flatMap((plan) =>
      plan.actions
        .filter((action) => action.dueNext90Days)
        .map((action) => ({ plan, action, next: nextDueDate(action, plan.today) ?? '' })),
    )
    .sort((a, b) => a.next.localeCompare(b.next))
    .map(({ plan, action, next }) => ({ ...actionRow(plan, action), nextDue: ukDate(next) }));
}
