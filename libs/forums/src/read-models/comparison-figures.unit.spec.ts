import { NOTHING_SHARED, type ConsentScope } from '../domain/consent.js';
import { comparisonFigures, storedFigures, type SourceAction, type SourceObjective } from './comparison-figures.js';

const objectives: SourceObjective[] = [
  {
    objectiveId: 'o1',
    title: 'A diverse workforce',
    psedAims: ['advance-equality-of-opportunity'],
    groupTitle: 'Workforce',
  },
  {
    objectiveId: 'o2',
    title: 'Safer streets',
    psedAims: ['foster-good-relations', 'eliminate-discrimination'],
    groupTitle: null,
  },
];
const actions: SourceAction[] = [
  {
    objectiveId: 'o1',
    title: 'Pay gap report',
    status: 'completed',
    rag: 'green',
    dueFinal: '2024-03-31',
    successMeasures: ['Gap falls'],
  },
  {
    objectiveId: 'o1',
    title: 'Recruitment review',
    status: 'in-progress',
    rag: 'amber',
    dueFinal: '2024-06-30',
    successMeasures: [],
  },
  {
    objectiveId: 'o2',
    title: 'Hate crime reporting',
    status: 'not-started',
    rag: 'red',
    dueFinal: '2025-01-31',
    successMeasures: ['Reports rise'],
  },
  {
    objectiveId: 'o2',
    title: 'Dropped idea',
    status: 'cancelled',
    rag: 'none',
    dueFinal: '2023-01-31',
    successMeasures: [],
  },
];
const everything: ConsentScope = {
  progressByStatus: true,
  ragCounts: true,
  overdueCounts: true,
  objectivesByAim: true,
  measures: ['Gap falls'],
  accreditations: true,
  actions: 'titles',
};

describe("a council's comparison figures", () => {
  it('counts progress overall, by PSED aim and by the forum theme its objective is grouped under', () => {
    const figures = comparisonFigures(storedFigures(objectives, actions, everything, ['Workforce']), '2024-12-01');
    expect(figures.progress?.overall).toEqual({
      actions: 4,
      byStatus: { 'not-started': 1, 'in-progress': 1, completed: 1, ongoing: 0, deferred: 0, cancelled: 1 },
      percentComplete: 33,
    });
    expect(figures.progress?.byTheme['Workforce']?.percentComplete).toBe(50);
    expect(figures.progress?.byAim['foster-good-relations']?.actions).toBe(2);
    expect(figures.rag?.overall).toEqual({ red: 1, amber: 1, green: 1, none: 1 });
    expect(figures.objectivesByAim?.['advance-equality-of-opportunity']).toEqual(['A diverse workforce']);
    expect(figures.measures).toEqual([
      { measure: 'Gap falls', action: 'Pay gap report', status: 'completed', rag: 'green' },
    ]);
    expect(figures.actions).toEqual({ count: 4, list: actions.map(({ title, status }) => ({ title, status })) });
  });

  it('counts overdue as of the day read: unfinished actions due before it', () => {
    const stored = storedFigures(objectives, actions, everything, []);
    expect(comparisonFigures(stored, '2024-05-01').overdue?.overall).toBe(0);
    expect(comparisonFigures(stored, '2024-07-01').overdue?.overall).toBe(1);
    expect(comparisonFigures(stored, '2025-02-01').overdue?.overall).toBe(2);
  });

  it('stores nothing the scope leaves out', () => {
    expect(storedFigures(objectives, actions, { ...NOTHING_SHARED, actions: 'counts' }, ['Workforce'])).toEqual({
      actions: { count: 4 },
    });
    expect(Object.keys(storedFigures(objectives, actions, { ...NOTHING_SHARED, ragCounts: true }, []))).toEqual([
      'rag',
    ]);
  });
});
