/** Calendar days ("2025-03-31") for awards: expiry from validity years, and the days notices fall on. */
export type CalendarDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: CalendarDay): { year: number; month: number; date: number } {
  const match = ISO_DAY.exec(day);
  if (match === null) throw new Error(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  return { year: Number(match[1]), month: Number(match[2]), date: Number(match[3]) };
}

function format(utc: Date): CalendarDay {
  return utc.toISOString().slice(0, 10);
}

/** Whether the text is a real calendar day: "2025-02-29" is not. */
export function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (match === null) return false;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return format(utc) === text;
}

/** The same day `years` later; 29 February becomes 28 February in a year without one. */
export function addYears(day: CalendarDay, years: number): CalendarDay {
  const { year, month, date } = parts(day);
  const target = new Date(Date.UTC(year + years, month - 1, 1));
  const lastOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastOfMonth));
  return format(target);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const { year, month, date } = parts(day);
  return format(new Date(Date.UTC(year, month - 1, date + days)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.date) - Date.UTC(a.year, a.month - 1, a.date)) / 86_400_000);
}
