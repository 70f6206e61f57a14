import { ukDate, ukDateTime } from './uk-dates.js';

describe('dates and times as the pages write them', () => {
  it('writes calendar dates in GOV.UK style, and leaves anything else as it is', () => {
    expect(ukDate('2024-10-01')).toBe('1 October 2024');
    expect(ukDate('2026-03-31')).toBe('31 March 2026');
    expect(ukDate('2024-06-30')).toBe('30 June 2024');
    expect(ukDate('Ongoing')).toBe('Ongoing');
    expect(ukDate('June 2024')).toBe('June 2024');
    expect(ukDate('2024-13-01')).toBe('2024-13-01');
    expect(ukDate(null)).toBe('');
  });

  it('shows instants on UK clocks: British Summer Time in summer, GMT in winter', () => {
    expect(ukDateTime('2024-10-15T13:05:00Z')).toBe('15 October 2024 at 2:05pm');
    expect(ukDateTime('2025-01-15T13:05:00Z')).toBe('15 January 2025 at 1:05pm');
    expect(ukDateTime('2024-10-01T08:05:00Z')).toBe('1 October 2024 at 9:05am');
    // Past midnight in London while still the day before in UTC.
    expect(ukDateTime('2025-06-30T23:30:00Z')).toBe('1 July 2025 at 12:30am');
    expect(ukDateTime(new Date('2025-01-01T12:00:00Z'))).toBe('1 January 2025 at 12:00pm');
  });
});
