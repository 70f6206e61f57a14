export const MONTH_NAMES = [
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
] as const;

/** "2024-10-01" → "1 October 2024", as GOV.UK writes dates; null when the text is no such date. */
export function longUkDate(isoDate: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = MONTH_NAMES[Number(match?.[2]) - 1];
  if (match === null || month === undefined) return null;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** A `Date`'s calendar day (in UTC, as spreadsheets store dates) in the same words: "30 June 2024". */
export function longUkDateOf(date: Date): string {
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}
