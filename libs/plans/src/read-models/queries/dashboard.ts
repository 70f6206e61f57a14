import { ACTION_STATUSES, type ActionStatus } from '../../domain/action.js';
import { formatCalendarDate, readCalendarDate, type CalendarDate } from '../../domain/calendar-date.js';
import { RAG_RATINGS, type Rag } from '../../domain/rag.js';

/** What the dashboard needs of an action (a row of the actions read model). */
export interface DashboardAction {
  readonly objectiveId: string;
  readonly status: ActionStatus;
  readonly rag: string;
  /** Every date the due names, ascending. */
  readonly dueDates: readonly CalendarDate[];
  /** The last date of a date, milestones or range due; null for recurring, ongoing and unknown. */
  readonly dueFinal: CalendarDate | null;
  readonly latestUpdateOn: CalendarDate | null;
  readonly changedAt: Date;
}

export interface DashboardFigures {
  readonly actions: number;
  readonly byStatus: Readonly<Record<ActionStatus, number>>;
  readonly byRag: Readonly<Record<Rag, number>>;
  /** Due date passed, and neither completed nor cancelled. */
  readonly overdue: number;
  /** Not completed nor cancelled, with a date of its due from today to 90 days on. */
  readonly dueNext90Days: number;
  readonly lastUpdate: {
    /** The date of the latest progress, completion, deferral or cancellation recorded. */
    readonly progressOn: CalendarDate | null;
    /** When anything about these actions last changed. */
    readonly changedAt: string | null;
  };
}

export const DUE_SOON_DAYS = 90;
const FINISHED: readonly ActionStatus[] = ['completed', 'cancelled'];

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const parts = readCalendarDate(date);
  if (parts === null) throw new RangeError(`Not an ISO calendar date: ${date}`);
  const moved = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return formatCalendarDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The calendar date in the UK at an instant: what "today" means to a council. */
export function ukDate(instant: Date): CalendarDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export function isOverdue(action: Pick<DashboardAction, 'status' | 'dueFinal'>, today: CalendarDate): boolean {
  return !FINISHED.includes(action.status) && action.dueFinal !== null && action.dueFinal < today;
}

export function isDueSoon(action: Pick<DashboardAction, 'status' | 'dueDates'>, today: CalendarDate): boolean {
  if (FINISHED.includes(action.status)) return false;
  const until = addDays(today, DUE_SOON_DAYS);
  return action.dueDates.some((date) => date >= today && date <= until);
}

function countsOf<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

export function dashboardFigures(actions: readonly DashboardAction[], today: CalendarDate): DashboardFigures {
  const byStatus = countsOf(ACTION_STATUSES);
  const byRag = countsOf(RAG_RATINGS);
  let overdue = 0;
  let dueNext90Days = 0;
  let progressOn: CalendarDate | null = null;
  let changedAt: Date | null = null;
  for (const action of actions) {
    byStatus[action.status] += 1;
    const rag = RAG_RATINGS.find((rating) => rating === action.rag) ?? 'none';
    byRag[rag] += 1;
    if (isOverdue(action, today)) overdue += 1;
    if (isDueSoon(action, today)) dueNext90Days += 1;
    if (action.latestUpdateOn !== null && (progressOn === null || action.latestUpdateOn > progressOn)) {
      progressOn = action.latestUpdateOn;
    }
    if (changedAt === null || action.changedAt > changedAt) changedAt = action.changedAt;
  }
  return {
    actions: actions.length,
    byStatus,
    byRag,
    overdue,
    dueNext90Days,
    lastUpdate: { progressOn, changedAt: changedAt?.toISOString() ?? null },
  };
}
