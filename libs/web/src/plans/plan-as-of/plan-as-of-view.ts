import type { PlanAsOf } from '@due-regard/plans';
import { ukDate } from '../../rendering/uk-dates.js';
import { actionHref } from '../shared/action-rows.js';
import { objectiveName } from '../shared/plan-figures.js';
import { actionStatusTag, ragTag, type Tag } from '../shared/wording.js';

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/**
 * The last instant of a calendar day on UK clocks (23:59:59.999 in London, GMT or BST): a plan "as
 * it stood on 31 March 2025" is the plan with every change recorded that day.
 */
export function endOfUkDay(date: string): Date {
  const utc = new Date(`${date}T23:59:59.999Z`);
  const offsetHours = (Number(LONDON_HOUR.format(utc)) - utc.getUTCHours() + 24) % 24;
  return new Date(utc.getTime() - offsetHours * 3_600_000);
}

export interface ActionThen {
  readonly href: string;
  readonly ref: string;
  readonly title: string;
  readonly due: string;
  readonly leads: string;
  readonly status: Tag;
  readonly rag: Tag;
  readonly progress: string | null;
}

/** The plan's actions then, under their objectives as they were named then, in the order they were added. */
export function actionsThen(plan: PlanAsOf): { name: string; rows: ActionThen[] }[] {
  const objectives = plan.strategy?.objectives ?? [];
  const groups = objectives
    .map((objective) => ({
      name: objectiveName(objective) + (objective.retired ? ' (retired)' : ''),
      rows: plan.actions
        .filter((action) => action.objectiveId === objective.objectiveId)
        .map((action) => ({
          href: actionHref(plan.plan.planId, action.actionId),
          ref: action.ref ?? '',
          title: action.title,
          due: action.due.text ?? ukDate(action.due.finalDate),
          leads: action.leads.join(', '),
          status: actionStatusTag(action.status),
          rag: ragTag(action.rag),
          progress:
            action.latestProgress === null
              ? null
              : `${ukDate(action.latestProgress.asOf)}: ${action.latestProgress.narrative}`,
        })),
    }))
    .filter((group) => group.rows.length > 0);
  return groups;
}
