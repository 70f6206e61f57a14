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

/** "2024-10-01" → "1 October 2024" (GOV.UK's date style); anything else as it is, null as nothing. */
export function ukDate(date: string | null): string {
  if (date === null) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = MONTHS[Number(match?.[2]) - 1];
  if (match === null || month === undefined) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
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
