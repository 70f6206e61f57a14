import type { ComparedCouncil, ComparisonFigures } from '@due-regard/forums';
import { barChart, CHART_PLOT_WIDTH, sortCouncils, sortingOf } from './comparison-page.js';

const statuses = { 'not-started': 0, 'in-progress': 0, completed: 0, ongoing: 0, deferred: 0, cancelled: 0 };
const council = (name: string, percentComplete: number | null, overdue?: number): ComparedCouncil => {
  const figures: ComparisonFigures = {
    ...(percentComplete === null
      ? {}
      : {
          progress: {
            overall: { actions: 10, byStatus: statuses, percentComplete },
            byAim: {
              'eliminate-discrimination': { actions: 0, byStatus: statuses, percentComplete: null },
              'advance-equality-of-opportunity': { actions: 0, byStatus: statuses, percentComplete: null },
              'foster-good-relations': { actions: 0, byStatus: statuses, percentComplete: null },
            },
            byTheme: {},
          },
        }),
    ...(overdue === undefined
      ? {}
      : {
          overdue: {
            overall: overdue,
            byAim: { 'eliminate-discrimination': 0, 'advance-equality-of-opportunity': 0, 'foster-good-relations': 0 },
            byTheme: {},
          },
        }),
  };
  return { slug: name.toLowerCase(), name, own: false, figures };
};

describe("the comparison page's tables and charts", () => {
  const councils = [council('Blaby', 40, 3), council('Charnwood', 70), council('Melton', null, 1)];

  it('reads the sort from the query, by name ascending when absent or unknown', () => {
    expect(sortingOf({})).toEqual({ key: 'name', order: 'ascending' });
    expect(sortingOf({ sort: 'percentComplete', order: 'descending' })).toEqual({
      key: 'percentComplete',
      order: 'descending',
    });
    expect(sortingOf({ sort: 'salary', order: 'sideways' })).toEqual({ key: 'name', order: 'ascending' });
  });

  it('sorts either way, councils that do not share the figure last', () => {
    const names = (key: 'percentComplete' | 'overdue', order: 'ascending' | 'descending') =>
      sortCouncils(councils, { key, order }).map((each) => each.name);
    expect(names('percentComplete', 'descending')).toEqual(['Charnwood', 'Blaby', 'Melton']);
    expect(names('percentComplete', 'ascending')).toEqual(['Blaby', 'Charnwood', 'Melton']);
    expect(names('overdue', 'descending')).toEqual(['Blaby', 'Melton', 'Charnwood']);
  });

  it('draws a bar per council that shares the figure, percentages on a 0 to 100 scale', () => {
    const chart = barChart(
      'Percentage complete',
      councils.map((each) => ({
        label: each.name,
        value: each.figures.progress?.overall.percentComplete ?? null,
        own: false,
      })),
      'percent',
    );
    expect(chart.bars.map((bar) => [bar.label, bar.valueText, bar.width])).toEqual([
      ['Blaby', '40%', Math.round(0.4 * CHART_PLOT_WIDTH)],
      ['Charnwood', '70%', Math.round(0.7 * CHART_PLOT_WIDTH)],
    ]);
    const counts = barChart(
      'Overdue',
      [
        { label: 'Blaby', value: 3, own: true },
        { label: 'Melton', value: 1, own: false },
      ],
      'count',
    );
    expect(counts.bars.map((bar) => bar.width)).toEqual([CHART_PLOT_WIDTH, Math.round(CHART_PLOT_WIDTH / 3)]);
  });
});
