import type { CalendarDay } from '../../domain/award-dates.js';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day it is in the UK at an instant: what "today" means for awards, renewals and lapses. */
export function ukDay(instant: Date): CalendarDay {
  return LONDON_DAY.format(instant);
}
