/** A day in the calendar, without time or time zone, written as an ISO string: "2025-03-31". */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year, month and day of a valid ISO calendar date, or null when the text is not one. */
export function readCalendarDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDay(year, month, day) ? { year, month, day } : null;
}

export function isCalendarDate(text: string): boolean {
  return readCalendarDate(text) !== null;
}

export function lastDayOfMonth(year: number, month: number): CalendarDate {
  return formatCalendarDate(year, month, daysInMonth(year, month));
}

/**
 * The same day `months` months later; a month's last day stays its last day ("31 January" plus one
 * month is "28 or 29 February", plus three is "30 April"), and other days are clamped to the month.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const parts = readCalendarDate(date);
  if (parts === null) throw new RangeError(`Not an ISO calendar date: ${date}`);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const wasLastDay = parts.day === daysInMonth(parts.year, parts.month);
  const day = wasLastDay ? daysInMonth(year, month) : Math.min(parts.day, daysInMonth(year, month));
  return formatCalendarDate(year, month, day);
}
