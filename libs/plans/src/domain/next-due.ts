import type { QuarterConvention, UpdateCycle, UpdateFrequency } from '@due-regard/shared-kernel';
import type { ActionStatus } from './action.js';
import { addMonths, formatCalendarDate, lastDayOfMonth, readCalendarDate, type CalendarDate } from './calendar-date.js';
import { nextDueDate, type Due, type RecurrenceFrequency } from './due.js';

/**
 * What is due next on an action, from its schedule and the council's update cycle: the date the
 * work is next due, and whether its lead owes a progress update for the cycle.
 */

const MONTHS: Record<UpdateFrequency, number> = { monthly: 1, quarterly: 3, 'six-monthly': 6, annual: 12 };

/** "Tri-annually" is kept as written, but for what is due next it is read as three times a year. */
const RECURRENCE_MONTHS: Record<RecurrenceFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  'tri-annual': 4,
  'six-monthly': 6,
  annual: 12,
  biennial: 24,
};

/** Work that needs no more updates and is due no more. */
const FINISHED: readonly ActionStatus[] = ['completed', 'cancelled'];

export type CouncilCalendar = { readonly cycle: UpdateCycle; readonly quarterConvention: QuarterConvention };

export type CyclePeriod = { readonly from: CalendarDate; readonly to: CalendarDate };

function parts(date: CalendarDate): { year: number; month: number; day: number } {
  const read = readCalendarDate(date);
  if (read === null) throw new RangeError(`Not an ISO calendar date: ${date}`);
  return read;
}

/** The period of `months` months, counted from the start of the council's year, that holds `date`. */
function periodHolding(date: CalendarDate, months: number, convention: QuarterConvention): CyclePeriod {
  const { year, month } = parts(date);
  const firstMonth = convention === 'financial' ? 4 : 1;
  const sinceYearStart = (((month - firstMonth) % 12) + 12) % 12;
  const startIndex = year * 12 + (month - 1) - (sinceYearStart % months);
  const from = formatCalendarDate(Math.floor(startIndex / 12), (startIndex % 12) + 1, 1);
  const last = addMonths(from, months - 1);
  const { year: toYear, month: toMonth } = parts(last);
  return { from, to: lastDayOfMonth(toYear, toMonth) };
}

/** The update cycle's period that holds `date`: a quarter, a half, a year, a month. */
export function cyclePeriodHolding(date: CalendarDate, calendar: CouncilCalendar): CyclePeriod {
  return periodHolding(date, MONTHS[calendar.cycle.frequency], calendar.quarterConvention);
}

/** When the update on a period is due: the cycle's day of the month after the period ends. */
export function updateDeadline(period: CyclePeriod, cycle: UpdateCycle): CalendarDate {
  const { year, month } = parts(addMonths(period.to, 1));
  return formatCalendarDate(year, month, cycle.dueDay);
}

/** The first update deadline on or after `today`. */
export function nextUpdateDeadline(today: CalendarDate, calendar: CouncilCalendar): CalendarDate {
  const current = cyclePeriodHolding(today, calendar);
  const previous = cyclePeriodHolding(addMonths(current.from, -1), calendar);
  const owed = updateDeadline(previous, calendar.cycle);
  return owed >= today ? owed : updateDeadline(current, calendar.cycle);
}

/**
 * The next date the work itself is due, on or after `today`: the date, the next milestone, the end
 * of the range, the next occurrence of recurring work (stepping on from the dates it names, or, when
 * it names none, the end of the current period of its frequency in the council's year); for ongoing
 * work, its review cadence when it has one, else the council's next update deadline. Null for
 * finished work, work past its last date, and a due nobody could read.
 */
export function nextDue(
  due: Due,
  status: ActionStatus,
  today: CalendarDate,
  calendar: CouncilCalendar,
): CalendarDate | null {
  if (FINISHED.includes(status)) return null;
  switch (due.kind) {
    case 'date':
    case 'milestones':
    case 'range':
      return nextDueDate(due, today);
    case 'recurring': {
      if (due.frequency === null) return null;
      const stepped = nextDueDate(due, today);
      if (stepped !== null) return stepped;
      const months = RECURRENCE_MONTHS[due.frequency];
      const last = (due.range === null ? due.dates : [due.range.to]).at(-1);
      // Named dates all passed (only "tri-annual" is not stepped by the schedule): step them on here.
      if (last !== undefined) {
        let next = last;
        while (next < today) next = addMonths(next, months);
        return next;
      }
      return periodHolding(today, months, calendar.quarterConvention).to;
    }
    case 'ongoing': {
      if (due.frequency !== null) {
        return periodHolding(today, RECURRENCE_MONTHS[due.frequency], calendar.quarterConvention).to;
      }
      return nextUpdateDeadline(today, calendar);
    }
    case 'unknown':
      return null;
  }
}

/**
 * Whether the lead owes a progress update. Each cycle runs from one deadline to the next: the update
 * on the last period that ended is owed unless progress was recorded after the deadline before it.
 * `due` from that period's end to its deadline, `overdue` after it, `up-to-date` otherwise (with the
 * next deadline); `not-needed` for finished or deferred work.
 */
export type UpdateDue = {
  readonly status: 'up-to-date' | 'due' | 'overdue' | 'not-needed';
  readonly by: CalendarDate | null;
  /** The period the update reports on. */
  readonly period: CyclePeriod | null;
};

export function updateDue(
  action: { readonly status: ActionStatus; readonly latestUpdateOn: CalendarDate | null },
  today: CalendarDate,
  calendar: CouncilCalendar,
): UpdateDue {
  if (FINISHED.includes(action.status) || action.status === 'deferred') {
    return { status: 'not-needed', by: null, period: null };
  }
  const current = cyclePeriodHolding(today, calendar);
  const ended = cyclePeriodHolding(addMonths(current.from, -1), calendar);
  const deadline = updateDeadline(ended, calendar.cycle);
  const cycleOpened = updateDeadline(cyclePeriodHolding(addMonths(ended.from, -1), calendar), calendar.cycle);
  if (action.latestUpdateOn !== null && action.latestUpdateOn > cycleOpened) {
    return { status: 'up-to-date', by: updateDeadline(current, calendar.cycle), period: current };
  }
  return { status: today <= deadline ? 'due' : 'overdue', by: deadline, period: ended };
}
