import type { DashboardFigures, PlanDetailDto } from '@due-regard/plans';
import { dashboardFigures, objectiveDto, planDetailDto } from '../../testing/plan-details.js';
import { objectiveName, planFigureCharts } from './plan-figures.js';

const objective = (id: string, ref: string | null, title: string, dashboard: DashboardFigures) =>
  objectiveDto(id, { ref, title, dashboard });

const plan: PlanDetailDto = planDetailDto(
  [
    objective('o-1', 'PEO 1', 'Inclusive services', dashboardFigures({ completed: 2 }, { green: 2 })),
    objective(
      'o-2',
      null,
      'An objective with a title far too long for the chart',
      dashboardFigures({ 'in-progress': 1 }, { amber: 1 }),
    ),
    objective('o-3', 'PEO 3', 'No actions yet', dashboardFigures({}, {})),
  ],
  [],
  { dashboard: dashboardFigures({ completed: 2, 'in-progress': 1 }, { green: 2, amber: 1 }) },
);

describe("a plan's figures as charts and tables", () => {
  const { byStatus, byRag } = planFigureCharts(plan);

  it('has a row for the whole plan and each objective with actions, short in the chart and in full in the table', () => {
    expect(byStatus.chart.rows.map((row) => row.label)).toEqual(['Whole plan', 'PEO 1', 'An objective with a t…']);
    expect(byStatus.table.rows.map((row) => row[0]?.text)).toEqual([
      'Whole plan',
      'PEO 1 Inclusive services',
      'An objective with a title far too long for the chart',
    ]);
  });

  it('gives the table the same figures as the bars', () => {
    for (const chart of [byStatus, byRag]) {
      const fromBars = chart.chart.rows.map((row) => [
        ...chart.chart.legend.map((entry) => row.segments.find((segment) => segment.label === entry.label)?.value ?? 0),
        row.total,
      ]);
      const fromTable = chart.table.rows.map((row) => row.slice(1).map((cell) => Number(cell.text)));
      expect(fromTable).toEqual(fromBars);
    }
    expect(byRag.table.head.map((cell) => cell.text)).toEqual([
      'Objective',
      'Red',
      'Amber',
      'Green',
      'Not rated',
      'Total',
    ]);
    expect(byStatus.table.rows[0]?.slice(1).map((cell) => cell.text)).toEqual(['0', '1', '2', '0', '0', '0', '3']);
  });

  it('names objectives by reference and title, or title alone', () => {
    expect(objectiveName({ ref: 'PEO 1', title: 'Inclusive services' })).toBe('PEO 1 Inclusive services');
    expect(objectiveName({ ref: null, title: 'Inclusive services' })).toBe('Inclusive services');
  });
});
