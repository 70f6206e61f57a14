import { ACTION_STATUSES, RAG_RATINGS, type DashboardFigures, type PlanDetailDto } from '@due-regard/plans';
import { shortLabel, stackedBarChart, type StackedBarChart } from './bar-chart.js';
import { actionStatusTag, ragTag } from './wording.js';

/** Bar fills: GOV.UK colours, told apart by the legend and the table beside the chart, never by colour alone. */
const STATUS_COLOURS = {
  'not-started': '#505a5f',
  'in-progress': '#1d70b8',
  completed: '#00703c',
  ongoing: '#28a197',
  deferred: '#ffdd00',
  cancelled: '#4c2c92',
} as const;
const RAG_COLOURS = { red: '#d4351c', amber: '#f47738', green: '#00703c', none: '#b1b4b6' } as const;

/** A chart and the govukTable that gives the same figures. */
export interface FiguresChart {
  readonly id: string;
  readonly title: string;
  readonly chart: StackedBarChart;
  readonly table: {
    readonly head: readonly { text: string; format?: string }[];
    readonly rows: readonly (readonly { text: string; format?: string }[])[];
  };
}

interface FiguresRow {
  /** In the chart: short. */
  readonly label: string;
  /** In the table: in full. */
  readonly name: string;
  readonly figures: DashboardFigures;
}

/** "PEO 1 To assess, consult…" or the title alone. */
export function objectiveName(objective: { readonly ref: string | null; readonly title: string }): string {
  return objective.ref === null ? objective.title : `${objective.ref} ${objective.title}`;
}

function rowsOf(plan: PlanDetailDto): FiguresRow[] {
  return [
    { label: 'Whole plan', name: 'Whole plan', figures: plan.dashboard },
    ...plan.objectives
      .filter((objective) => objective.dashboard.actions > 0)
      .map((objective) => ({
        label: shortLabel(objective.ref ?? objective.title, 22),
        name: objectiveName(objective),
        figures: objective.dashboard,
      })),
  ];
}

function chartOf<K extends string>(
  id: string,
  title: string,
  rows: readonly FiguresRow[],
  keys: readonly K[],
  count: (figures: DashboardFigures, key: K) => number,
  label: (key: K) => string,
  colour: (key: K) => string,
): FiguresChart {
  const number = (value: number) => ({ text: String(value), format: 'numeric' });
  return {
    id,
    title,
    chart: stackedBarChart(
      rows.map((row) => ({
        label: row.label,
        segments: keys.map((key) => ({ label: label(key), value: count(row.figures, key), colour: colour(key) })),
      })),
    ),
    table: {
      head: [
        { text: 'Objective' },
        ...keys.map((key) => ({ text: label(key), format: 'numeric' })),
        { text: 'Total', format: 'numeric' },
      ],
      rows: rows.map((row) => [
        { text: row.name },
        ...keys.map((key) => number(count(row.figures, key))),
        number(row.figures.actions),
      ]),
    },
  };
}

/** The plan's actions by status and by RAG rating, for the whole plan and each objective with actions. */
export function planFigureCharts(plan: PlanDetailDto): { byStatus: FiguresChart; byRag: FiguresChart } {
  const rows = rowsOf(plan);
  return {
    byStatus: chartOf(
      `status-${plan.id}`,
      'Actions by status',
      rows,
      ACTION_STATUSES,
      (figures, status) => figures.byStatus[status],
      (status) => actionStatusTag(status).text,
      (status) => STATUS_COLOURS[status],
    ),
    byRag: chartOf(
      `rag-${plan.id}`,
      'Actions by RAG rating',
      rows,
      RAG_RATINGS,
      (figures, rag) => figures.byRag[rag],
      (rag) => ragTag(rag).text,
      (rag) => RAG_COLOURS[rag],
    ),
  };
}
