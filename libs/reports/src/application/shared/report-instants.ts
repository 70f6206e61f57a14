import type { CalendarDate } from '@due-regard/plans';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day it is in the UK at an instant. */
export function ukDay(instant: Date): CalendarDate {
  return LONDON_DAY.format(instant);
}

const HOUR = 3_600_000;

/** The last millisecond of a UK day: 23:59:59.999 in London, in GMT or in BST. */
export function endOfUkDay(day: CalendarDate): Date {
  const nextMidnightUtc = Date.parse(`${day}T00:00:00.000Z`) + 24 * HOUR;
  // London is UTC or UTC+1: the day ends at the first of these whose next millisecond is the next day.
  for (const offset of [HOUR, 0]) {
    const last = new Date(nextMidnightUtc - offset - 1);
    if (ukDay(last) === day && ukDay(new Date(last.getTime() + 1)) !== day) return last;
  }
  return new Date(nextMidnightUtc - 1);
}

/**
 * The instant a report as of a day reads events up to: the end of that day, or now for today
 * (the rest of today has not happened yet).
 */
export function reportInstant(day: CalendarDate, now: Date): Date {
  const end = endOfUkDay(day);
  return end.getTime() > now.getTime() ? now : end;
}
