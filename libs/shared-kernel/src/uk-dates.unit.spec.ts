import { longUkDate, longUkDateOf, MONTH_NAMES } from './uk-dates.js';

describe('dates in words, as GOV.UK writes them', () => {
  it('writes an ISO date with the day unpadded and the month in full', () => {
    expect(longUkDate('2024-10-01')).toBe('1 October 2024');
    expect(longUkDate('2026-03-31')).toBe('31 March 2026');
  });

  it('answers null for text that is no ISO date, or names no month', () => {
    expect(longUkDate('March 2026')).toBeNull();
    expect(longUkDate('2024-13-01')).toBeNull();
    expect(longUkDate('2024-00-10')).toBeNull();
    expect(longUkDate('')).toBeNull();
  });

  it("writes a Date's UTC calendar day, as spreadsheets store dates", () => {
    expect(longUkDateOf(new Date(Date.UTC(2024, 5, 30)))).toBe('30 June 2024');
    expect(longUkDateOf(new Date('2025-01-01T23:30:00Z'))).toBe('1 January 2025');
  });

  it('names the twelve months in order', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect([MONTH_NAMES[0], MONTH_NAMES[8], MONTH_NAMES[11]]).toEqual(['January', 'September', 'December']);
  });
});
