import { ukCalendarDate } from './dates.js';

describe('the day it is in the UK', () => {
  it('is the UTC day in winter', () => {
    expect(ukCalendarDate(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15');
  });

  it('turns over at 23:00 UTC under British Summer Time', () => {
    expect(ukCalendarDate(new Date('2025-06-30T22:59:59Z'))).toBe('2025-06-30');
    expect(ukCalendarDate(new Date('2025-06-30T23:00:00Z'))).toBe('2025-07-01');
  });
});
