import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../../domain/action.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Due } from '../../domain/due.js';
import { nextDue, updateDue, type CouncilCalendar, type UpdateDue } from '../../domain/next-due.js';
import { RAG_RATINGS, type Rag } from '../../domain/rag.js';
import { sameTeam } from '../../policy/plans.policy.js';
import { addDays } from './dashboard.js';

/** An action of a published plan, with what is due next on it and whether its lead owes an update. */
export interface DueActionDto {
  readonly planId: string;
  readonly planTitle: string;
  readonly actionId: string;
  readonly ref: string | null;
  readonly title: string;
  readonly leads: readonly string[];
  readonly status: ActionStatus;
  readonly rag: Rag;
  /** The due as written. */
  readonly dueText: string | null;
  /** The next date the work is due, on or after today; null when nothing more is due. */
  readonly nextDue: CalendarDate | null;
  /** The last date of one-off work has passed and it is not finished. */
  readonly overdue: boolean;
  readonly updateDue: UpdateDue;
}

export interface DueActionsDto {
  readonly asOf: CalendarDate;
  readonly actions: readonly DueActionDto[];
}

const period = z.object({ from: z.iso.date(), to: z.iso.date() });
export const dueActionsSchema = z.object({
  asOf: z.iso.date().describe('Today, in the UK'),
  actions: z.array(
    z.object({
      planId: z.string(),
      planTitle: z.string(),
      actionId: z.string(),
      ref: z.string().nullable(),
      title: z.string(),
      leads: z.array(z.string()),
      status: z.enum(ACTION_STATUSES),
      rag: z.enum(RAG_RATINGS),
      dueText: z.string().nullable(),
      nextDue: z.iso.date().nullable().describe('The next date the work is due, on or after today'),
      overdue: z.boolean().describe('Its last date has passed and it is not finished'),
      updateDue: z.object({
        status: z.enum(['up-to-date', 'due', 'overdue', 'not-needed']),
        by: z.iso.date().nullable().describe('The update deadline owed, or the next one'),
        period: period.nullable().describe('The period the update reports on'),
      }),
    }),
  ),
}) satisfies z.ZodType<DueActionsDto>;

/** What the query reads of an action row and its plan. */
export interface DueActionSource {
  readonly planId: string;
  readonly planTitle: string;
  readonly actionId: string;
  readonly ref: string | null;
  readonly title: string;
  readonly leads: readonly string[];
  readonly status: ActionStatus;
  readonly rag: Rag;
  readonly due: Due;
  readonly dueFinal: CalendarDate | null;
  readonly latestUpdateOn: CalendarDate | null;
}

const FINISHED: readonly ActionStatus[] = ['completed', 'cancelled'];

export function dueAction(source: DueActionSource, today: CalendarDate, calendar: CouncilCalendar): DueActionDto {
  return {
    planId: source.planId,
    planTitle: source.planTitle,
    actionId: source.actionId,
    ref: source.ref,
    title: source.title,
    leads: source.leads,
    status: source.status,
    rag: source.rag,
    dueText: source.due.text,
    nextDue: nextDue(source.due, source.status, today, calendar),
    overdue: source.dueFinal !== null && source.dueFinal < today && !FINISHED.includes(source.status),
    updateDue: updateDue(source, today, calendar),
  };
}

const URGENCY = { overdue: 0, due: 1, 'up-to-date': 2, 'not-needed': 3 } as const;

/** In due order: overdue work first, then owed updates, then by the next due date (none last). */
export function inDueOrder(actions: readonly DueActionDto[]): DueActionDto[] {
  const rank = (action: DueActionDto) => (action.overdue ? -1 : URGENCY[action.updateDue.status]);
  return [...actions].sort(
    (a, b) =>
      Math.min(rank(a), 1) - Math.min(rank(b), 1) ||
      (a.nextDue ?? '9999-12-31').localeCompare(b.nextDue ?? '9999-12-31') ||
      rank(a) - rank(b) ||
      (a.ref ?? '').localeCompare(b.ref ?? '', 'en', { numeric: true }),
  );
}

/** What needs attention within `days`: due by then, overdue, or owing an update. */
export function dueWithin(actions: readonly DueActionDto[], today: CalendarDate, days: number): DueActionDto[] {
  const until = addDays(today, days);
  return inDueOrder(
    actions.filter(
      (action) =>
        action.overdue ||
        action.updateDue.status === 'due' ||
        action.updateDue.status === 'overdue' ||
        (action.nextDue !== null && action.nextDue <= until),
    ),
  );
}

/** The actions one of these teams leads. */
export function ledBy(actions: readonly DueActionDto[], teams: readonly string[]): DueActionDto[] {
  return actions.filter((action) => action.leads.some((lead) => teams.some((team) => sameTeam(lead, team))));
}
