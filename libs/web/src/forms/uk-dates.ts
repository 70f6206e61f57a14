import { readCalendarDate } from '@due-regard/plans';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-06-30" → "30 June 2024", as GOV.UK writes dates; anything else as it is. */
export function ukDate(date: string): string {
  const parts = readCalendarDate(date);
  return parts === null ? date : `${parts.day} ${MONTHS[parts.month - 1] ?? ''} ${parts.year}`;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant as UK time: "1 October 2024 at 9:05am". */
export function ukDateTime(instant: string | Date): string {
  const moment = typeof instant === 'string' ? new Date(instant) : instant;
  const time = LONDON_TIME.format(moment).replace(/\s/g, '').toLowerCase();
  return `${ukDate(LONDON_DAY.format(moment))} at ${time}`;
}
