import { addDays, dashboardFigures, isDueSoon, isOverdue, ukDate, type DashboardAction } from './dashboard.js';

const base: DashboardAction = {
  objectiveId: 'o1',
  status: 'in-progress',
  rag: 'amber',
  dueDates: [],
  dueFinal: null,
  latestUpdateOn: null,
  changedAt: new Date('2025-01-01T10:00:00Z'),
};
const action = (overrides: Partial<DashboardAction>): DashboardAction => ({ ...base, ...overrides });
const today = '2025-03-15';

describe('dashboard figures', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-03-15', 90)).toBe('2025-06-13');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('reads today as the UK calendar date, across midnight in summer time', () => {
    expect(ukDate(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(ukDate(new Date('2025-01-31T23:30:00Z'))).toBe('2025-01-31');
  });

  it('counts an unfinished action overdue once its final due date has passed, not on the day', () => {
    expect(isOverdue(action({ dueFinal: '2025-03-14' }), today)).toBe(true);
    expect(isOverdue(action({ dueFinal: '2025-03-15' }), today)).toBe(false);
    expect(isOverdue(action({ dueFinal: '2025-03-14', status: 'deferred' }), today)).toBe(true);
  });

  it('never counts completed, cancelled, ongoing or recurring actions overdue', () => {
    expect(isOverdue(action({ dueFinal: '2024-01-31', status: 'completed' }), today)).toBe(false);
    expect(isOverdue(action({ dueFinal: '2024-01-31', status: 'cancelled' }), today)).toBe(false);
    expect(isOverdue(action({ dueFinal: null, dueDates: ['2024-04-30'] }), today)).toBe(false);
  });

  it('counts as due soon an unfinished action with any date of its due in the next 90 days, today included', () => {
    expect(isDueSoon(action({ dueDates: ['2025-03-15'] }), today)).toBe(true);
    expect(isDueSoon(action({ dueDates: ['2024-09-30', '2025-06-13'] }), today)).toBe(true);
    expect(isDueSoon(action({ dueDates: ['2025-06-14'] }), today)).toBe(false);
    expect(isDueSoon(action({ dueDates: ['2025-03-20'], status: 'completed' }), today)).toBe(false);
  });

  it('sums counts by status and RAG (every one named), overdue, due soon and the last update', () => {
    const figures = dashboardFigures(
      [
        action({ dueFinal: '2025-01-31', dueDates: ['2025-01-31'], latestUpdateOn: '2025-02-01' }),
        action({ status: 'completed', rag: 'green', dueFinal: '2025-01-31', dueDates: ['2025-01-31'] }),
        action({
          status: 'not-started',
          rag: 'none',
          dueDates: ['2025-04-30'],
          dueFinal: '2025-04-30',
          changedAt: new Date('2025-03-01T09:00:00Z'),
        }),
      ],
      today,
    );
    expect(figures).toEqual({
      actions: 3,
      byStatus: { 'not-started': 1, 'in-progress': 1, completed: 1, ongoing: 0, deferred: 0, cancelled: 0 },
      byRag: { red: 0, amber: 1, green: 1, none: 1 },
      overdue: 1,
      dueNext90Days: 1,
      lastUpdate: { progressOn: '2025-02-01', changedAt: '2025-03-01T09:00:00.000Z' },
    });
  });

  it('gives zeros and no last update for no actions', () => {
    expect(dashboardFigures([], today)).toMatchObject({ actions: 0, overdue: 0, lastUpdate: { progressOn: null } });
  });
});
