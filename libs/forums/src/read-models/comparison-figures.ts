import {
  ACTION_STATUSES,
  PSED_AIMS,
  RAG_RATINGS,
  type ActionStatus,
  type CalendarDate,
  type PsedAim,
  type Rag,
} from '@due-regard/plans';
import type { ConsentScope } from '../domain/consent.js';

/** What the comparison needs of a council's objective (from its plans read-model rows). */
export interface SourceObjective {
  readonly objectiveId: string;
  readonly title: string;
  readonly psedAims: readonly PsedAim[];
  /** The council's own grouping (theme, pillar, priority), matched to the forum's themes. */
  readonly groupTitle: string | null;
}

/** What the comparison needs of a council's action. */
export interface SourceAction {
  readonly objectiveId: string;
  readonly title: string;
  readonly status: ActionStatus;
  readonly rag: Rag;
  /** The last date its due names; null for recurring, ongoing and unknown. */
  readonly dueFinal: CalendarDate | null;
  readonly successMeasures: readonly string[];
}

export type StatusCounts = Readonly<Record<ActionStatus, number>>;
export type RagCounts = Readonly<Record<Rag, number>>;

/** A figure overall, by PSED aim and by each of the forum's themes. */
export interface Breakdown<T> {
  readonly overall: T;
  readonly byAim: Readonly<Record<PsedAim, T>>;
  readonly byTheme: Readonly<Record<string, T>>;
}

/**
 * One council's figures as the comparison read model stores them: already through the council's
 * scope, so nothing it did not consent to is ever written. `openDueDates` (the due dates of
 * unfinished actions) is kept only when overdue counts are shared, so that "overdue" is counted
 * for whatever date the comparison is read as of.
 */
export interface StoredFigures {
  readonly progress?: Breakdown<StatusCounts>;
  readonly rag?: Breakdown<RagCounts>;
  readonly openDueDates?: Breakdown<readonly CalendarDate[]>;
  readonly objectivesByAim?: Readonly<Record<PsedAim, readonly string[]>>;
  readonly measures?: readonly SharedMeasure[];
  readonly actions?: SharedActions;
}

export interface SharedMeasure {
  readonly measure: string;
  readonly action: string;
  readonly status: ActionStatus;
  readonly rag: Rag;
}

export type SharedActions =
  | { readonly count: number }
  | { readonly count: number; readonly list: readonly { readonly title: string; readonly status: ActionStatus }[] };

export interface ProgressFigures {
  readonly actions: number;
  readonly byStatus: StatusCounts;
  /** Completed out of every action not cancelled, rounded to a whole percent; null with none. */
  readonly percentComplete: number | null;
}

/** What the comparison answers for a council: the stored figures, with overdue counted as of the date read. */
export interface ComparisonFigures {
  readonly progress?: Breakdown<ProgressFigures>;
  readonly rag?: Breakdown<RagCounts>;
  readonly overdue?: Breakdown<number>;
  readonly objectivesByAim?: Readonly<Record<PsedAim, readonly string[]>>;
  readonly measures?: readonly SharedMeasure[];
  readonly actions?: SharedActions;
}

const FINISHED: readonly ActionStatus[] = ['completed', 'cancelled'];

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function breakdown<T>(
  themes: readonly string[],
  make: () => T,
): { overall: T; byAim: Record<PsedAim, T>; byTheme: Record<string, T> } {
  return {
    overall: make(),
    byAim: Object.fromEntries(PSED_AIMS.map((aim) => [aim, make()])) as Record<PsedAim, T>,
    byTheme: Object.fromEntries(themes.map((theme) => [theme, make()])),
  };
}

/**
 * A council's figures from its objectives and actions, through its scope and grouped by the
 * forum's themes. Pure: the projection calls it after every change of the council's plans.
 */
export function storedFigures(
  objectives: readonly SourceObjective[],
  actions: readonly SourceAction[],
  scope: ConsentScope,
  themes: readonly string[],
): StoredFigures {
  const objectiveById = new Map(objectives.map((objective) => [objective.objectiveId, objective]));
  const themeOf = (objectiveId: string): string | undefined => {
    const group = objectiveById.get(objectiveId)?.groupTitle?.trim().toLowerCase();
    return group === undefined ? undefined : themes.find((theme) => theme.toLowerCase() === group);
  };
  const progress = breakdown(themes, () => zeroes(ACTION_STATUSES));
  const rag = breakdown(themes, () => zeroes(RAG_RATINGS));
  const openDueDates = breakdown<CalendarDate[]>(themes, () => []);
  for (const action of actions) {
    const aims = objectiveById.get(action.objectiveId)?.psedAims ?? [];
    const theme = themeOf(action.objectiveId);
    const groups = <T>(figures: { overall: T; byAim: Record<PsedAim, T>; byTheme: Record<string, T> }): T[] => [
      figures.overall,
      ...aims.map((aim) => figures.byAim[aim]),
      ...(theme === undefined ? [] : [figures.byTheme[theme] as T]),
    ];
    for (const counts of groups(progress)) counts[action.status] += 1;
    for (const counts of groups(rag)) counts[action.rag] += 1;
    if (!FINISHED.includes(action.status) && action.dueFinal !== null) {
      for (const dates of groups(openDueDates)) dates.push(action.dueFinal);
    }
  }
  for (const dates of [
    openDueDates.overall,
    ...Object.values(openDueDates.byAim),
    ...Object.values(openDueDates.byTheme),
  ]) {
    dates.sort();
  }
  const measures: SharedMeasure[] = actions.flatMap((action) =>
    action.successMeasures
      .filter((measure) => scope.measures.includes(measure.trim()))
      .map((measure) => ({ measure: measure.trim(), action: action.title, status: action.status, rag: action.rag })),
  );
  return {
    ...(scope.progressByStatus ? { progress } : {}),
    ...(scope.ragCounts ? { rag } : {}),
    ...(scope.overdueCounts ? { openDueDates } : {}),
    ...(scope.objectivesByAim
      ? {
          objectivesByAim: Object.fromEntries(
            PSED_AIMS.map((aim) => [
              aim,
              objectives.filter((objective) => objective.psedAims.includes(aim)).map((objective) => objective.title),
            ]),
          ) as Record<PsedAim, string[]>,
        }
      : {}),
    ...(scope.measures.length > 0 ? { measures } : {}),
    ...(scope.actions === 'counts' ? { actions: { count: actions.length } } : {}),
    ...(scope.actions === 'titles'
      ? {
          actions: {
            count: actions.length,
            list: actions.map((action) => ({ title: action.title, status: action.status })),
          },
        }
      : {}),
  };
}

function progressOf(byStatus: StatusCounts): ProgressFigures {
  const actions = ACTION_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  const counted = actions - byStatus.cancelled;
  return {
    actions,
    byStatus,
    percentComplete: counted === 0 ? null : Math.round((byStatus.completed / counted) * 100),
  };
}

function mapBreakdown<T, U>(figures: Breakdown<T>, map: (value: T) => U): Breakdown<U> {
  return {
    overall: map(figures.overall),
    byAim: Object.fromEntries(PSED_AIMS.map((aim) => [aim, map(figures.byAim[aim])])) as Record<PsedAim, U>,
    byTheme: Object.fromEntries(Object.entries(figures.byTheme).map(([theme, value]) => [theme, map(value)])),
  };
}

/** The stored figures as the comparison answers them on a day: overdue means due before it. */
export function comparisonFigures(stored: StoredFigures, today: CalendarDate): ComparisonFigures {
  const { progress, openDueDates, ...rest } = stored;
  return {
    ...(progress === undefined ? {} : { progress: mapBreakdown(progress, progressOf) }),
    ...(openDueDates === undefined
      ? {}
      : { overdue: mapBreakdown(openDueDates, (dates) => dates.filter((date) => date < today).length) }),
    ...rest,
  };
}
