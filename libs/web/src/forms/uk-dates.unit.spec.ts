import { ukDate, ukDateTime } from './uk-dates.js';

describe('dates as the UK writes them', () => {
  it('writes calendar dates as "30 June 2024", leaving anything else as it is', () => {
    expect(ukDate('2024-06-30')).toBe('30 June 2024');
    expect(ukDate('2025-01-01')).toBe('1 January 2025');
    expect(ukDate('June 2024')).toBe('June 2024');
  });

  it('writes instants in UK time, summer time included', () => {
    expect(ukDateTime('2024-10-01T08:05:00Z')).toBe('1 October 2024 at 9:05am');
    expect(ukDateTime('2024-12-01T13:30:00Z')).toBe('1 December 2024 at 1:30pm');
  });
});
