import type { Action, ActionStatus, ProgressUpdate } from '../../domain/action.js';
import type { ActionPlan, ActionPlanStatus, RegisteredAction } from '../../domain/action-plan.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Due } from '../../domain/due.js';
import {
  latestReading,
  measureRag,
  type Measure,
  type MeasureBaseline,
  type MeasureDirection,
  type MeasureReading,
  type MeasureTarget,
  type MeasureUnit,
} from '../../domain/measure.js';
import type { CharacteristicConcerned, EflgModule, PsedAim } from '../../domain/equality-reference.js';
import type { Rag } from '../../domain/rag.js';
import type { ObjectiveGroupKind, Strategy, StrategyObjective, StrategyStatus } from '../../domain/strategy.js';

/**
 * Read-model rows as the projection holds and writes them: column names as keys, JSON values (dates
 * as ISO strings). Each row round-trips to the domain's state, so the projection folds events with
 * the deciders' own `evolve`: the read model cannot drift from what the write side decides.
 */
type Tracked = {
  readonly tenant_id: string;
  /** The stream's version once the row's latest event was applied. */
  readonly version: number;
  /** When that event was recorded (ISO instant). */
  readonly changed_at: string;
};

export type StrategyRow = Tracked & {
  readonly strategy_id: string;
  readonly status: StrategyStatus;
  readonly title: string;
  readonly period_from: CalendarDate;
  readonly period_to: CalendarDate;
  readonly adopted_on: CalendarDate | null;
  readonly published_on: CalendarDate | null;
  readonly archived_on: CalendarDate | null;
};

export type ObjectiveRow = {
  readonly tenant_id: string;
  readonly strategy_id: string;
  readonly objective_id: string;
  readonly position: number;
  readonly ref: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly psed_aims: readonly PsedAim[];
  readonly eflg_modules: readonly EflgModule[];
  readonly group_kind: ObjectiveGroupKind | null;
  readonly group_title: string | null;
  readonly retired: boolean;
};

export type PlanRow = Tracked & {
  readonly plan_id: string;
  readonly strategy_id: string;
  readonly status: ActionPlanStatus;
  readonly title: string;
  readonly period_from: CalendarDate;
  readonly period_to: CalendarDate;
  readonly registered_actions: readonly RegisteredAction[];
  readonly approved_on: CalendarDate | null;
  readonly published_on: CalendarDate | null;
  readonly closed_on: CalendarDate | null;
};

export type ActionRow = Tracked & {
  readonly action_id: string;
  readonly plan_id: string;
  readonly ref: string | null;
  readonly objective_id: string;
  readonly title: string;
  readonly description: string | null;
  readonly due: Due;
  readonly due_text: string | null;
  readonly due_kind: string;
  readonly due_dates: readonly CalendarDate[];
  readonly due_final: CalendarDate | null;
  readonly success_measures: readonly string[];
  readonly leads: readonly string[];
  readonly protected_characteristics: readonly CharacteristicConcerned[];
  readonly status: ActionStatus;
  readonly rag: Rag;
  readonly latest_progress: ProgressUpdate | null;
  readonly status_reason: string | null;
  readonly latest_update_on: CalendarDate | null;
};

export type ActionSnapshotRow = {
  readonly tenant_id: string;
  readonly action_id: string;
  readonly version: number;
  readonly recorded_through: string;
  readonly state: Action;
};

/** A measure on an action or an objective, with its readings and the RAG they earn. */
export type MeasureRow = Tracked & {
  readonly measure_id: string;
  readonly subject_kind: 'action' | 'objective';
  /** The action's plan, or the objective's strategy. */
  readonly parent_id: string;
  /** The action or the objective. */
  readonly subject_id: string;
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly direction: MeasureDirection;
  readonly baseline: MeasureBaseline | null;
  readonly target: MeasureTarget | null;
  readonly status: 'active' | 'retired';
  readonly readings: readonly MeasureReading[];
  readonly latest_reading: MeasureReading | null;
  readonly rag: Rag;
};

/** Columns in table order, keys first: what the projection writes (see entities.ts for the same tables). */
export const READ_MODEL_TABLES = {
  strategies: {
    keys: ['tenant_id', 'strategy_id'],
    columns: [
      'tenant_id',
      'strategy_id',
      'status',
      'title',
      'period_from',
      'period_to',
      'adopted_on',
      'published_on',
      'archived_on',
      'version',
      'changed_at',
    ],
  },
  objectives: {
    keys: ['tenant_id', 'strategy_id', 'objective_id'],
    columns: [
      'tenant_id',
      'strategy_id',
      'objective_id',
      'position',
      'ref',
      'title',
      'description',
      'psed_aims',
      'eflg_modules',
      'group_kind',
      'group_title',
      'retired',
    ],
  },
  plans: {
    keys: ['tenant_id', 'plan_id'],
    columns: [
      'tenant_id',
      'plan_id',
      'strategy_id',
      'status',
      'title',
      'period_from',
      'period_to',
      'registered_actions',
      'approved_on',
      'published_on',
      'closed_on',
      'version',
      'changed_at',
    ],
  },
  actions: {
    keys: ['tenant_id', 'action_id'],
    columns: [
      'tenant_id',
      'action_id',
      'plan_id',
      'ref',
      'objective_id',
      'title',
      'description',
      'due',
      'due_text',
      'due_kind',
      'due_dates',
      'due_final',
      'success_measures',
      'leads',
      'protected_characteristics',
      'status',
      'rag',
      'latest_progress',
      'status_reason',
      'latest_update_on',
      'version',
      'changed_at',
    ],
  },
  action_snapshots: {
    keys: ['tenant_id', 'action_id', 'version'],
    columns: ['tenant_id', 'action_id', 'version', 'recorded_through', 'state'],
  },
  measures: {
    keys: ['tenant_id', 'measure_id'],
    columns: [
      'tenant_id',
      'measure_id',
      'subject_kind',
      'parent_id',
      'subject_id',
      'title',
      'unit',
      'direction',
      'baseline',
      'target',
      'status',
      'readings',
      'latest_reading',
      'rag',
      'version',
      'changed_at',
    ],
  },
} as const;
export type ReadModelTable = keyof typeof READ_MODEL_TABLES;

// Strategy ------------------------------------------------------------------------------------

export function strategyFromRows(row: StrategyRow, objectives: readonly ObjectiveRow[]): Strategy {
  return {
    status: row.status,
    strategyId: row.strategy_id,
    title: row.title,
    period: { from: row.period_from, to: row.period_to },
    objectives: [...objectives]
      .sort((a, b) => a.position - b.position)
      .map((objective): StrategyObjective => ({
        objectiveId: objective.objective_id,
        retired: objective.retired,
        ref: objective.ref,
        title: objective.title,
        description: objective.description,
        psedAims: objective.psed_aims,
        eflgModules: objective.eflg_modules,
        group:
          objective.group_kind === null ? null : { kind: objective.group_kind, title: objective.group_title ?? '' },
      })),
    adoptedOn: row.adopted_on,
    publishedOn: row.published_on,
    archivedOn: row.archived_on,
  };
}

export function strategyRows(
  tenantId: string,
  strategy: Strategy,
  version: number,
  changedAt: string,
): { strategy: StrategyRow; objectives: ObjectiveRow[] } {
  return {
    strategy: {
      tenant_id: tenantId,
      strategy_id: strategy.strategyId,
      status: strategy.status,
      title: strategy.title,
      period_from: strategy.period.from,
      period_to: strategy.period.to,
      adopted_on: strategy.adoptedOn,
      published_on: strategy.publishedOn,
      archived_on: strategy.archivedOn,
      version,
      changed_at: changedAt,
    },
    objectives: strategy.objectives.map((objective, position) => ({
      tenant_id: tenantId,
      strategy_id: strategy.strategyId,
      objective_id: objective.objectiveId,
      position,
      ref: objective.ref,
      title: objective.title,
      description: objective.description,
      psed_aims: objective.psedAims,
      eflg_modules: objective.eflgModules,
      group_kind: objective.group?.kind ?? null,
      group_title: objective.group?.title ?? null,
      retired: objective.retired,
    })),
  };
}

// Plan ----------------------------------------------------------------------------------------

export function planFromRow(row: PlanRow): ActionPlan {
  return {
    status: row.status,
    planId: row.plan_id,
    strategyId: row.strategy_id,
    title: row.title,
    period: { from: row.period_from, to: row.period_to },
    actions: row.registered_actions,
    approvedOn: row.approved_on,
    publishedOn: row.published_on,
    closedOn: row.closed_on,
  };
}

export function planRow(tenantId: string, plan: ActionPlan, version: number, changedAt: string): PlanRow {
  return {
    tenant_id: tenantId,
    plan_id: plan.planId,
    strategy_id: plan.strategyId,
    status: plan.status,
    title: plan.title,
    period_from: plan.period.from,
    period_to: plan.period.to,
    registered_actions: plan.actions.map(({ actionId, ref }) => ({ actionId, ref })),
    approved_on: plan.approvedOn,
    published_on: plan.publishedOn,
    closed_on: plan.closedOn,
    version,
    changed_at: changedAt,
  };
}

// Action --------------------------------------------------------------------------------------

/** The date after which an unfinished action is overdue; recurring, ongoing and unknown dues have none. */
export function finalDueDate(due: Due): CalendarDate | null {
  switch (due.kind) {
    case 'date':
    case 'milestones':
      return due.dates.at(-1) ?? null;
    case 'range':
      return due.range?.to ?? due.dates.at(-1) ?? null;
    case 'recurring':
    case 'ongoing':
    case 'unknown':
      return null;
  }
}

export function actionFromRow(row: ActionRow): Action {
  return {
    status: row.status,
    actionId: row.action_id,
    planId: row.plan_id,
    ref: row.ref,
    objectiveId: row.objective_id,
    title: row.title,
    description: row.description,
    due: row.due,
    successMeasures: row.success_measures,
    leads: row.leads,
    protectedCharacteristics: row.protected_characteristics,
    rag: row.rag,
    latestProgress: row.latest_progress,
    statusReason: row.status_reason,
    latestUpdateOn: row.latest_update_on,
  };
}

export function actionRow(tenantId: string, action: Action, version: number, changedAt: string): ActionRow {
  const { due } = action;
  return {
    tenant_id: tenantId,
    action_id: action.actionId,
    plan_id: action.planId,
    ref: action.ref,
    objective_id: action.objectiveId,
    title: action.title,
    description: action.description,
    due,
    due_text: due.text,
    due_kind: due.kind,
    due_dates: [...new Set([...due.dates, ...(due.range ? [due.range.from, due.range.to] : [])])].sort(),
    due_final: finalDueDate(due),
    success_measures: action.successMeasures,
    leads: action.leads,
    protected_characteristics: action.protectedCharacteristics,
    status: action.status,
    rag: action.rag,
    latest_progress: action.latestProgress,
    status_reason: action.statusReason,
    latest_update_on: action.latestUpdateOn,
    version,
    changed_at: changedAt,
  };
}

// Measure -------------------------------------------------------------------------------------

export function measureFromRow(row: MeasureRow): Measure {
  return {
    measureId: row.measure_id,
    subject:
      row.subject_kind === 'action'
        ? { kind: 'action', planId: row.parent_id, actionId: row.subject_id }
        : { kind: 'objective', strategyId: row.parent_id, objectiveId: row.subject_id },
    title: row.title,
    unit: row.unit,
    direction: row.direction,
    baseline: row.baseline,
    target: row.target,
    status: row.status,
    readings: row.readings,
  };
}

export function measureRow(tenantId: string, measure: Measure, version: number, changedAt: string): MeasureRow {
  const { subject } = measure;
  return {
    tenant_id: tenantId,
    measure_id: measure.measureId,
    subject_kind: subject.kind,
    parent_id: subject.kind === 'action' ? subject.planId : subject.strategyId,
    subject_id: subject.kind === 'action' ? subject.actionId : subject.objectiveId,
    title: measure.title,
    unit: measure.unit,
    direction: measure.direction,
    baseline: measure.baseline,
    target: measure.target,
    status: measure.status,
    readings: measure.readings,
    latest_reading: latestReading(measure.readings),
    rag: measureRag(measure, measure.readings),
    version,
    changed_at: changedAt,
  };
}
