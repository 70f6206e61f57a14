import { addMonths, daysInMonth, isCalendarDate, lastDayOfMonth, readCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it('knows the length of each month, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
  });

  it('accepts only real days written as ISO dates', () => {
    expect(isCalendarDate('2025-03-31')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-3-31')).toBe(false);
    expect(isCalendarDate('31/03/2025')).toBe(false);
    expect(isCalendarDate('2025-03-31T00:00:00Z')).toBe(false);
    expect(readCalendarDate('2025-03-31')).toEqual({ year: 2025, month: 3, day: 31 });
  });

  it('adds months, keeping the last day of a month the last day', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-02-28', 1)).toBe('2025-03-31');
    expect(addMonths('2025-01-30', 1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', 3)).toBe('2025-04-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('refuses to add months to something that is not a date', () => {
    expect(() => addMonths('March 2025', 1)).toThrow(RangeError);
  });
});
