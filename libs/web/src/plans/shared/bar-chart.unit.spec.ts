import { CHART_LAYOUT, shortLabel, stackedBarChart } from './bar-chart.js';

const layout = { width: 400, labelWidth: 100, totalWidth: 50, barHeight: 20, rowGap: 10 };

describe('a stacked bar chart', () => {
  const chart = stackedBarChart(
    [
      {
        label: 'Whole plan',
        segments: [
          { label: 'Completed', value: 6, colour: 'green' },
          { label: 'Cancelled', value: 0, colour: 'purple' },
          { label: 'Not started', value: 4, colour: 'grey' },
        ],
      },
      {
        label: 'PEO 1',
        segments: [
          { label: 'Completed', value: 1, colour: 'green' },
          { label: 'Cancelled', value: 0, colour: 'purple' },
          { label: 'Not started', value: 4, colour: 'grey' },
        ],
      },
    ],
    layout,
  );

  it('scales the longest bar to the bar area and lays segments end to end, skipping empty ones', () => {
    const [whole, peo1] = chart.rows;
    expect(whole?.segments.map(({ x, width }) => ({ x, width }))).toEqual([
      { x: 100, width: 150 },
      { x: 250, width: 100 },
    ]);
    expect(peo1?.segments.map(({ x, width }) => ({ x, width }))).toEqual([
      { x: 100, width: 25 },
      { x: 125, width: 100 },
    ]);
    expect(whole?.totalX).toBe(356);
    expect(chart.rows.map((row) => row.total)).toEqual([10, 5]);
  });

  it('stacks rows down the chart and sizes it to hold them', () => {
    expect(chart.rows.map((row) => [row.y, row.textY])).toEqual([
      [10, 25],
      [40, 55],
    ]);
    expect(chart.height).toBe(70);
    expect(chart.width).toBe(400);
  });

  it('keeps one legend entry per label, in order, empty ones included', () => {
    expect(chart.legend.map((entry) => entry.label)).toEqual(['Completed', 'Cancelled', 'Not started']);
  });

  it('says the same figures in words for its text alternative', () => {
    expect(chart.description).toBe(
      'Whole plan: 10 actions (6 completed, 4 not started). PEO 1: 5 actions (1 completed, 4 not started).',
    );
  });

  it('draws no bars, and divides by nothing, when there are no actions', () => {
    const empty = stackedBarChart([{ label: 'Whole plan', segments: [{ label: 'Completed', value: 0, colour: 'g' }] }]);
    expect(empty.rows[0]?.segments).toEqual([]);
    expect(empty.rows[0]?.totalX).toBe(CHART_LAYOUT.labelWidth + 6);
    expect(empty.description).toBe('Whole plan: 0 actions.');
  });
});

describe('chart labels', () => {
  it('cuts long labels with an ellipsis and keeps short ones', () => {
    expect(shortLabel('PEO 1 To assess, consult and evaluate', 12)).toBe('PEO 1 To as…');
    expect(shortLabel('PEO 2')).toBe('PEO 2');
  });
});
