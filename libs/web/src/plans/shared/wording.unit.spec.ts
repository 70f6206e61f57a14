import { percentComplete, periodWords, sourceName } from './wording.js';

describe('periods as the pages write them', () => {
  it('names a period by its first and last days', () => {
    expect(periodWords({ from: '2024-04-01', to: '2026-03-31' })).toBe('1 April 2024 to 31 March 2026');
  });
});

describe('figures and names', () => {
  it('counts completed actions against those not cancelled', () => {
    const none = { 'not-started': 0, 'in-progress': 0, completed: 0, ongoing: 0, deferred: 0, cancelled: 0 };
    expect(percentComplete({ ...none, completed: 1, 'in-progress': 2, cancelled: 5 })).toBe(33);
    expect(percentComplete({ ...none, cancelled: 2 })).toBe(0);
    expect(percentComplete(none)).toBe(0);
  });

  it('names where a change came from', () => {
    expect(['ui', 'api', 'import', 'job', 'other'].map(sourceName)).toEqual([
      'Web',
      'API',
      'Import',
      'Scheduled job',
      'other',
    ]);
  });
});
