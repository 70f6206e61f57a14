import { parseStreamName, type RecordedEvent } from '@due-regard/event-store';
import { NotFound } from '@due-regard/shared-kernel';
import { actionDecider, type ActionEvent, type ActionState } from '../../domain/action.js';
import { measureDecider, type MeasureEvent, type MeasureState } from '../../domain/measure.js';
import { actionPlanDecider, type ActionPlanEvent, type ActionPlanState } from '../../domain/action-plan.js';
import { strategyDecider, type StrategyEvent, type StrategyState } from '../../domain/strategy.js';
import { ACTION_SNAPSHOT_EVERY } from '../schema/entities.js';
import {
  actionFromRow,
  actionRow,
  measureFromRow,
  measureRow,
  planFromRow,
  planRow,
  strategyFromRows,
  strategyRows,
  type ActionRow,
  type ActionSnapshotRow,
  type MeasureRow,
  type ObjectiveRow,
  type PlanRow,
  type StrategyRow,
} from './read-model-rows.js';

/** Every event type the plans read models are built from, in the subscription's filter. */
export const PROJECTED_EVENT_TYPES: readonly string[] = [
  ...strategyDecider.eventTypes,
  ...actionPlanDecider.eventTypes,
  ...actionDecider.eventTypes,
  ...measureDecider.eventTypes,
];

export interface CouncilRows {
  readonly strategies: readonly StrategyRow[];
  readonly objectives: readonly ObjectiveRow[];
  readonly plans: readonly PlanRow[];
  readonly actions: readonly ActionRow[];
  readonly measures: readonly MeasureRow[];
  /** Never loaded: only the snapshots events add are written. */
  readonly actionSnapshots?: readonly ActionSnapshotRow[];
}

/** The later of two instants, both ISO 8601 in UTC with milliseconds (as `toISOString()` writes them). */
function later(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Instants as `toISOString()` writes them, whatever offset PostgreSQL wrote them in. */
function utc<Row extends { readonly changed_at: string }>(row: Row): Row {
  return { ...row, changed_at: new Date(row.changed_at).toISOString() };
}

/** Which rows a batch of events touches: what an incremental projection loads before applying it. */
export interface AffectedIds {
  readonly strategyIds: readonly string[];
  readonly planIds: readonly string[];
  readonly actionIds: readonly string[];
  readonly measureIds: readonly string[];
}

export function affectedIds(events: readonly RecordedEvent[]): AffectedIds {
  const ids = {
    strategy: new Set<string>(),
    plan: new Set<string>(),
    action: new Set<string>(),
    measure: new Set<string>(),
  };
  for (const event of events) {
    const { category, entityId } = parseStreamName(event.streamId);
    if (category === 'strategy' || category === 'plan' || category === 'action' || category === 'measure') {
      ids[category].add(entityId);
    }
  }
  return {
    strategyIds: [...ids.strategy],
    planIds: [...ids.plan],
    actionIds: [...ids.action],
    measureIds: [...ids.measure],
  };
}

function isOneOf<T extends string>(types: readonly T[], type: string): type is T {
  return (types as readonly string[]).includes(type);
}

/**
 * One council's read-model rows in memory, and the fold that moves them on by events, with the
 * deciders' own `evolve`. Both the live projection (rows loaded for a batch) and a rebuild (from no
 * rows at all) go through `apply`, so they cannot disagree.
 *
 * Each row remembers its stream's version: an event at or below it has been applied already (a
 * rebuild swapped in rows that include it) and is skipped, which makes applying idempotent.
 */
export class CouncilReadModel {
  private readonly strategies = new Map<string, StrategyRow>();
  private readonly objectives = new Map<string, ObjectiveRow[]>();
  private readonly plans = new Map<string, PlanRow>();
  private readonly actions = new Map<string, ActionRow>();
  private readonly measures = new Map<string, MeasureRow>();
  private readonly snapshots: ActionSnapshotRow[] = [];
  private readonly changed = {
    strategy: new Set<string>(),
    plan: new Set<string>(),
    action: new Set<string>(),
    measure: new Set<string>(),
  };

  constructor(
    readonly tenantId: string,
    loaded: CouncilRows = { strategies: [], objectives: [], plans: [], actions: [], measures: [] },
  ) {
    for (const row of loaded.strategies) this.strategies.set(row.strategy_id, utc(row));
    for (const row of loaded.objectives) {
      const list = this.objectives.get(row.strategy_id) ?? [];
      list.push(row);
      this.objectives.set(row.strategy_id, list);
    }
    for (const row of loaded.plans) this.plans.set(row.plan_id, utc(row));
    for (const row of loaded.actions) this.actions.set(row.action_id, utc(row));
    for (const row of loaded.measures) this.measures.set(row.measure_id, utc(row));
  }

  /** Applies one event of this council; false when it was skipped (applied already, or not ours). */
  apply(event: RecordedEvent): boolean {
    const { category, tenantId, entityId } = parseStreamName(event.streamId);
    if (tenantId !== this.tenantId) throw new Error(`Event ${event.id} of ${tenantId} offered to ${this.tenantId}`);
    const changedAt = event.recordedAt.toISOString();
    try {
      if (category === 'strategy' && isOneOf(strategyDecider.eventTypes, event.type)) {
        return this.applyStrategy(entityId, { type: event.type, data: event.data } as StrategyEvent, event, changedAt);
      }
      if (category === 'plan' && isOneOf(actionPlanDecider.eventTypes, event.type)) {
        return this.applyPlan(entityId, { type: event.type, data: event.data } as ActionPlanEvent, event, changedAt);
      }
      if (category === 'action' && isOneOf(actionDecider.eventTypes, event.type)) {
        return this.applyAction(entityId, { type: event.type, data: event.data } as ActionEvent, event, changedAt);
      }
      if (category === 'measure' && isOneOf(measureDecider.eventTypes, event.type)) {
        return this.applyMeasure(entityId, { type: event.type, data: event.data } as MeasureEvent, event, changedAt);
      }
    } catch (error) {
      // A stream that does not start with its creating event cannot be shown; the rest can.
      if (error instanceof NotFound) return false;
      throw error;
    }
    return false;
  }

  private applyStrategy(id: string, domainEvent: StrategyEvent, event: RecordedEvent, changedAt: string): boolean {
    const row = this.strategies.get(id);
    if (row && event.streamVersion <= row.version) return false;
    const state: StrategyState = row ? strategyFromRows(row, this.objectives.get(id) ?? []) : { status: 'none' };
    const next = strategyDecider.evolve(state, domainEvent);
    if (next.status === 'none') return false;
    const rows = strategyRows(this.tenantId, next, event.streamVersion, changedAt);
    this.strategies.set(id, rows.strategy);
    this.objectives.set(id, rows.objectives);
    this.changed.strategy.add(id);
    return true;
  }

  private applyPlan(id: string, domainEvent: ActionPlanEvent, event: RecordedEvent, changedAt: string): boolean {
    const row = this.plans.get(id);
    if (row && event.streamVersion <= row.version) return false;
    const state: ActionPlanState = row ? planFromRow(row) : { status: 'none' };
    const next = actionPlanDecider.evolve(state, domainEvent);
    if (next.status === 'none') return false;
    this.plans.set(id, planRow(this.tenantId, next, event.streamVersion, changedAt));
    this.changed.plan.add(id);
    return true;
  }

  private applyAction(id: string, domainEvent: ActionEvent, event: RecordedEvent, changedAt: string): boolean {
    const row = this.actions.get(id);
    if (row && event.streamVersion <= row.version) return false;
    const state: ActionState = row ? actionFromRow(row) : { status: 'none' };
    const next = actionDecider.evolve(state, domainEvent);
    if (next.status === 'none') return false;
    // Never earlier than an event before it: a snapshot then serves every instant from it on.
    const through = row ? later(row.changed_at, changedAt) : changedAt;
    this.actions.set(id, actionRow(this.tenantId, next, event.streamVersion, through));
    this.changed.action.add(id);
    if (event.streamVersion % ACTION_SNAPSHOT_EVERY === 0) {
      this.snapshots.push({
        tenant_id: this.tenantId,
        action_id: id,
        version: event.streamVersion,
        recorded_through: through,
        state: next,
      });
    }
    return true;
  }

  private applyMeasure(id: string, domainEvent: MeasureEvent, event: RecordedEvent, changedAt: string): boolean {
    const row = this.measures.get(id);
    if (row && event.streamVersion <= row.version) return false;
    const state: MeasureState = row ? measureFromRow(row) : { status: 'none' };
    const next = measureDecider.evolve(state, domainEvent);
    if (next.status === 'none') return false;
    this.measures.set(id, measureRow(this.tenantId, next, event.streamVersion, changedAt));
    this.changed.measure.add(id);
    return true;
  }

  /** The rows events changed since this model was loaded. */
  changes(): CouncilRows {
    const strategyIds = [...this.changed.strategy];
    return {
      strategies: strategyIds.flatMap((id) => this.strategies.get(id) ?? []),
      objectives: strategyIds.flatMap((id) => this.objectives.get(id) ?? []),
      plans: [...this.changed.plan].flatMap((id) => this.plans.get(id) ?? []),
      actions: [...this.changed.action].flatMap((id) => this.actions.get(id) ?? []),
      measures: [...this.changed.measure].flatMap((id) => this.measures.get(id) ?? []),
      actionSnapshots: [...this.snapshots],
    };
  }

  /** Every row: what a rebuild writes. */
  rows(): CouncilRows {
    return {
      strategies: [...this.strategies.values()],
      objectives: [...this.objectives.values()].flat(),
      plans: [...this.plans.values()],
      actions: [...this.actions.values()],
      measures: [...this.measures.values()],
      actionSnapshots: [...this.snapshots],
    };
  }
}
