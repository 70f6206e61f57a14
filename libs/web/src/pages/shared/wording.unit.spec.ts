import { percentComplete, periodWords, sourceName, ukDate, ukDateTime } from './wording.js';

describe('dates and times as the pages write them', () => {
  it('writes calendar dates in GOV.UK style, and leaves anything else as it is', () => {
    expect(ukDate('2024-10-01')).toBe('1 October 2024');
    expect(ukDate('2026-03-31')).toBe('31 March 2026');
    expect(ukDate('Ongoing')).toBe('Ongoing');
    expect(ukDate(null)).toBe('');
    expect(periodWords({ from: '2024-04-01', to: '2026-03-31' })).toBe('1 April 2024 to 31 March 2026');
  });

  it('shows instants on UK clocks: British Summer Time in summer, GMT in winter', () => {
    expect(ukDateTime('2024-10-15T13:05:00Z')).toBe('15 October 2024 at 2:05pm');
    expect(ukDateTime('2025-01-15T13:05:00Z')).toBe('15 January 2025 at 1:05pm');
    // Past midnight in London while still the day before in UTC.
    expect(ukDateTime('2025-06-30T23:30:00Z')).toBe('1 July 2025 at 12:30am');
    expect(ukDateTime(new Date('2025-01-01T12:00:00Z'))).toBe('1 January 2025 at 12:00pm');
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
