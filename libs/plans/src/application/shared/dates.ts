import type { CalendarDate } from '../../domain/calendar-date.js';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day it is in the UK at an instant: what "today" means for a council's dates. */
export function ukCalendarDate(instant: Date): CalendarDate {
  return LONDON_DAY.format(instant);
}
