import { endOfUkDay, reportInstant, ukDay } from './report-instants.js';

describe('the instant a report as of a day reads up to', () => {
  it('is 23:59:59.999 in London, in winter (GMT) and summer (BST)', () => {
    expect(endOfUkDay('2025-01-31').toISOString()).toBe('2025-01-31T23:59:59.999Z');
    expect(endOfUkDay('2025-03-31').toISOString()).toBe('2025-03-31T22:59:59.999Z');
  });

  it('copes with the days the clocks change', () => {
    expect(endOfUkDay('2025-03-30').toISOString()).toBe('2025-03-30T22:59:59.999Z');
    expect(endOfUkDay('2025-10-26').toISOString()).toBe('2025-10-26T23:59:59.999Z');
  });

  it('is now for today', () => {
    const now = new Date('2025-06-15T10:00:00.000Z');
    expect(reportInstant(ukDay(now), now)).toEqual(now);
    expect(reportInstant('2025-06-14', now).toISOString()).toBe('2025-06-14T22:59:59.999Z');
  });
});
