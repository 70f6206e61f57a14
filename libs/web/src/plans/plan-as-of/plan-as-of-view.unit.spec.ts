import { endOfUkDay } from './plan-as-of-view.js';

describe('the end of a day on UK clocks', () => {
  it('is 23:59:59.999 GMT in winter', () => {
    expect(endOfUkDay('2025-01-31').toISOString()).toBe('2025-01-31T23:59:59.999Z');
  });

  it('is 22:59:59.999 UTC in summer (BST)', () => {
    expect(endOfUkDay('2025-07-31').toISOString()).toBe('2025-07-31T22:59:59.999Z');
  });

  it('follows the clocks on the days they change', () => {
    // The clocks went forward on 30 March 2025 and back on 26 October 2025: BST at the end of the first, GMT of the second.
    expect(endOfUkDay('2025-03-30').toISOString()).toBe('2025-03-30T22:59:59.999Z');
    expect(endOfUkDay('2025-10-26').toISOString()).toBe('2025-10-26T23:59:59.999Z');
  });
});
