import { isWithinPeriod, validatePeriod } from './period.js';
import { thrownBy } from '@due-regard/testing';

describe('a period', () => {
  it('is two dates, the second after the first', () => {
    expect(validatePeriod({ from: '2024-04-01', to: '2028-03-31' })).toEqual({ from: '2024-04-01', to: '2028-03-31' });
  });

  it('names the end of the period at fault', () => {
    expect(thrownBy(() => validatePeriod({ from: '2024-04-01', to: '2024-04-01' }))).toMatchObject({
      code: 'period_ends_before_it_starts',
      field: 'period.to',
    });
    expect(thrownBy(() => validatePeriod({ from: '2024-04-31', to: '2028-03-31' }))).toMatchObject({
      code: 'invalid_date',
      field: 'period.from',
    });
    expect(thrownBy(() => validatePeriod({ from: '2024-04-01', to: '' }, 'plan'))).toMatchObject({
      code: 'invalid_date',
      field: 'plan.to',
    });
  });

  it('can lie within another', () => {
    const strategy = { from: '2024-04-01', to: '2028-03-31' };
    expect(isWithinPeriod({ from: '2024-04-01', to: '2026-03-31' }, strategy)).toBe(true);
    expect(isWithinPeriod(strategy, strategy)).toBe(true);
    expect(isWithinPeriod({ from: '2024-03-31', to: '2026-03-31' }, strategy)).toBe(false);
    expect(isWithinPeriod({ from: '2026-04-01', to: '2028-04-01' }, strategy)).toBe(false);
  });
});
