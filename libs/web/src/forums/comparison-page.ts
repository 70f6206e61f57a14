import type { Comparison, ComparedCouncil, ProgressFigures } from '@due-regard/forums';
import { PSED_AIM_LABELS, PSED_AIMS, RAG_RATINGS, type PsedAim, type Rag } from '@due-regard/plans';
import { actionStatusTag, ragTag } from '../plans/shared/wording.js';

/** The columns the comparison's tables sort by, with links (no JavaScript). */
export const SORT_KEYS = ['name', 'percentComplete', 'actions', 'overdue', 'red'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'ascending' | 'descending';

export interface Sorting {
  readonly key: SortKey;
  readonly order: SortOrder;
}

/** `?sort=percentComplete&order=descending`; by name, ascending, when absent or unknown. */
export function sortingOf(query: Readonly<Record<string, unknown>>): Sorting {
  const key = SORT_KEYS.find((each) => each === query['sort']) ?? 'name';
  const order = query['order'] === 'descending' ? 'descending' : 'ascending';
  return { key, order };
}

const NOT_SHARED = 'Not shared';

/** A council's value for a sort key; null when it does not share it (sorted last). */
function sortValue(council: ComparedCouncil, key: SortKey): string | number | null {
  const { progress, overdue, rag } = council.figures;
  switch (key) {
    case 'name':
      return council.name;
    case 'percentComplete':
      return progress?.overall.percentComplete ?? null;
    case 'actions':
      return progress?.overall.actions ?? council.figures.actions?.count ?? null;
    case 'overdue':
      return overdue?.overall ?? null;
    case 'red':
      return rag?.overall.red ?? null;
  }
}

export function sortCouncils(councils: readonly ComparedCouncil[], sorting: Sorting): ComparedCouncil[] {
  const direction = sorting.order === 'ascending' ? 1 : -1;
  return [...councils].sort((a, b) => {
    const left = sortValue(a, sorting.key);
    const right = sortValue(b, sorting.key);
    if (left === null || right === null) return left === right ? a.name.localeCompare(b.name) : left === null ? 1 : -1;
    const compared =
      typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right));
    return compared === 0 ? a.name.localeCompare(b.name) : compared * direction;
  });
}

/** A header cell that sorts its table by following a link: aria-sort says how it is sorted now. */
export interface SortableHeader {
  readonly text: string;
  readonly href: string;
  readonly ariaSort: 'ascending' | 'descending' | 'none';
  readonly numeric: boolean;
}

function header(text: string, key: SortKey, sorting: Sorting, asOf: string | null): SortableHeader {
  const current = sorting.key === key;
  const next: SortOrder = current && sorting.order === 'ascending' ? 'descending' : 'ascending';
  const params = new URLSearchParams({ ...(asOf === null ? {} : { asOf }), sort: key, order: next });
  return {
    text,
    href: `?${params.toString()}#comparison`,
    ariaSort: current ? sorting.order : 'none',
    numeric: key !== 'name',
  };
}

/** One bar of an SVG bar chart, laid out (the template only draws it). */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly y: number;
  readonly width: number;
  readonly own: boolean;
}

export interface BarChart {
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly height: number;
}

const BAR_HEIGHT = 28;
const BAR_GAP = 12;
export const CHART_PLOT_WIDTH = 300;

/** Horizontal bars, one per council that shares the figure, scaled to the largest (or to 100 for percentages). */
export function barChart(
  title: string,
  values: readonly { label: string; value: number | null; own: boolean }[],
  unit: 'percent' | 'count',
): BarChart {
  const shared = values.filter((each): each is { label: string; value: number; own: boolean } => each.value !== null);
  const scale = unit === 'percent' ? 100 : Math.max(1, ...shared.map((each) => each.value));
  return {
    title,
    height: Math.max(1, shared.length) * (BAR_HEIGHT + BAR_GAP),
    bars: shared.map((each, index) => ({
      label: each.label,
      value: each.value,
      valueText: unit === 'percent' ? `${each.value}%` : String(each.value),
      y: index * (BAR_HEIGHT + BAR_GAP),
      width: Math.round((each.value / scale) * CHART_PLOT_WIDTH),
      own: each.own,
    })),
  };
}

const cell = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? NOT_SHARED : String(value);

function percentText(progress: ProgressFigures | undefined): string {
  if (progress === undefined) return NOT_SHARED;
  return progress.percentComplete === null ? 'No actions' : `${progress.percentComplete}%`;
}

/** A breakdown section (a PSED aim or a theme): councils side by side on progress and overdue. */
export interface BreakdownSection {
  readonly heading: string;
  readonly rows: readonly { readonly name: string; readonly own: boolean; readonly cells: readonly string[] }[];
}

function breakdownSection(
  heading: string,
  councils: readonly ComparedCouncil[],
  pick: <T>(figures: { byAim: Readonly<Record<PsedAim, T>>; byTheme: Readonly<Record<string, T>> }) => T | undefined,
): BreakdownSection {
  return {
    heading,
    rows: councils.map((council) => {
      const { progress, overdue, rag } = council.figures;
      const progressHere = progress === undefined ? undefined : pick(progress);
      return {
        name: council.name,
        own: council.own,
        cells: [
          cell(progressHere?.actions),
          percentText(progressHere),
          cell(overdue === undefined ? null : pick(overdue)),
          cell(rag === undefined ? null : pick(rag)?.red),
        ],
      };
    }),
  };
}

/** Everything the comparison page shows, from the comparison as the reader may see it. */
export function comparisonPage(comparison: Comparison, sorting: Sorting, asOf: string | null) {
  const councils = sortCouncils(comparison.councils, sorting);
  const label = (council: ComparedCouncil) => (council.own ? `${council.name} (your council)` : council.name);
  return {
    headers: {
      name: header('Council', 'name', sorting, asOf),
      actions: header('Actions', 'actions', sorting, asOf),
      percentComplete: header('Complete', 'percentComplete', sorting, asOf),
      overdue: header('Overdue', 'overdue', sorting, asOf),
      red: header('Red', 'red', sorting, asOf),
    },
    progress: {
      chart: barChart(
        'Percentage of actions complete',
        councils.map((council) => ({
          label: label(council),
          value: council.figures.progress?.overall.percentComplete ?? null,
          own: council.own,
        })),
        'percent',
      ),
      rows: councils.map((council) => ({
        name: label(council),
        own: council.own,
        actions: cell(council.figures.progress?.overall.actions ?? council.figures.actions?.count),
        percentComplete: percentText(council.figures.progress?.overall),
        statuses: council.figures.progress
          ? Object.entries(council.figures.progress.overall.byStatus)
              .filter(([, count]) => count > 0)
              .map(
                ([status, count]) =>
                  `${actionStatusTag(status as keyof typeof council.figures.progress.overall.byStatus).text} ${count}`,
              )
              .join(', ')
          : NOT_SHARED,
      })),
    },
    overdue: {
      chart: barChart(
        'Overdue actions',
        councils.map((council) => ({
          label: label(council),
          value: council.figures.overdue?.overall ?? null,
          own: council.own,
        })),
        'count',
      ),
      rows: councils.map((council) => ({
        name: label(council),
        own: council.own,
        overdue: cell(council.figures.overdue?.overall),
      })),
    },
    rag: {
      chart: barChart(
        'Actions rated red',
        councils.map((council) => ({
          label: label(council),
          value: council.figures.rag?.overall.red ?? null,
          own: council.own,
        })),
        'count',
      ),
      columns: RAG_RATINGS.map((rating: Rag) => ragTag(rating).text),
      rows: councils.map((council) => ({
        name: label(council),
        own: council.own,
        cells: RAG_RATINGS.map((rating) => cell(council.figures.rag?.overall[rating])),
      })),
    },
    byAim: PSED_AIMS.map((aim) =>
      breakdownSection(
        PSED_AIM_LABELS[aim],
        councils.map((council) => ({ ...council, name: label(council) })),
        (figures) => figures.byAim[aim],
      ),
    ),
    byTheme: comparison.forum.themes.map((theme) =>
      breakdownSection(
        theme,
        councils.map((council) => ({ ...council, name: label(council) })),
        (figures) => figures.byTheme[theme],
      ),
    ),
    objectives: councils
      .filter((council) => council.figures.objectivesByAim !== undefined)
      .map((council) => ({
        name: label(council),
        aims: PSED_AIMS.map((aim) => ({
          aim: PSED_AIM_LABELS[aim],
          titles: council.figures.objectivesByAim?.[aim] ?? [],
        })),
      })),
    measures: councils
      .filter((council) => council.figures.measures !== undefined)
      .map((council) => ({
        name: label(council),
        measures: (council.figures.measures ?? []).map((measure) => ({
          ...measure,
          statusTag: actionStatusTag(measure.status),
          ragTag: ragTag(measure.rag),
        })),
      })),
    actions: councils
      .filter((council) => council.figures.actions !== undefined && 'list' in (council.figures.actions ?? {}))
      .map((council) => ({
        name: label(council),
        actions: (council.figures.actions && 'list' in council.figures.actions ? council.figures.actions.list : []).map(
          (action) => ({ title: action.title, statusTag: actionStatusTag(action.status) }),
        ),
      })),
  };
}
