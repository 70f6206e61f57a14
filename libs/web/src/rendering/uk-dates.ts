import { longUkDate } from '@due-regard/shared-kernel';

/** "2024-10-01" → "1 October 2024" (GOV.UK's date style); anything else as it is, null as nothing. */
export function ukDate(date: string | null): string {
  return date === null ? '' : (longUkDate(date) ?? date);
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** An instant as the UK's clocks showed it: "15 October 2024 at 2:05pm" (GMT or BST). */
export function ukDateTime(instant: string | Date): string {
  const parts = Object.fromEntries(
    UK_TIME.formatToParts(typeof instant === 'string' ? new Date(instant) : instant).map((part) => [
      part.type,
      part.value,
    ]),
  );
  const date = `${parts['year'] ?? ''}-${(parts['month'] ?? '').padStart(2, '0')}-${(parts['day'] ?? '').padStart(2, '0')}`;
  const hour = parts['hour'] === '0' ? '12' : (parts['hour'] ?? '');
  return `${ukDate(date)} at ${hour}:${parts['minute'] ?? ''}${(parts['dayPeriod'] ?? '').toLowerCase()}`;
}
