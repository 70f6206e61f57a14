import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Action, ActionStatus, ProgressUpdate } from '../../domain/action.js';
import type { ActionPlanStatus, RegisteredAction } from '../../domain/action-plan.js';
import type { Due, DueKind } from '../../domain/due.js';
import type {
  MeasureBaseline,
  MeasureDirection,
  MeasureReading,
  MeasureTarget,
  MeasureUnit,
} from '../../domain/measure.js';
import type { Rag } from '../../domain/rag.js';
import type { StrategyStatus } from '../../domain/strategy.js';

/**
 * The plans read models, per council (a `tenant_id` column under row-level security: see
 * `councilIsolationSql` in @due-regard/platform). Rows are written by the projection in the
 * subscription's transaction and read through MikroORM by the API. Column names follow
 * MikroORM's default naming (camelCase property → snake_case column); `read-model-tables.ts`
 * lists the same columns for the projection's bulk writes, and an integration test holds the two
 * to each other.
 */
export const READ_MODEL_SCHEMA = 'plans_read';

export const StrategyReadModel = defineEntity({
  name: 'StrategyReadModel',
  schema: READ_MODEL_SCHEMA,
  tableName: 'strategies',
  properties: {
    tenantId: p.text().primary(),
    strategyId: p.text().primary(),
    status: p.text().$type<StrategyStatus>(),
    title: p.text(),
    periodFrom: p.date(),
    periodTo: p.date(),
    adoptedOn: p.date().nullable(),
    publishedOn: p.date().nullable(),
    archivedOn: p.date().nullable(),
    /** The strategy stream's version: the resource's ETag. */
    version: p.integer(),
    /** When the latest event of the strategy was recorded. */
    changedAt: p.datetime(),
  },
  primaryKeys: ['tenantId', 'strategyId'],
});
export type StrategyReadModelRow = InferEntity<typeof StrategyReadModel>;

export const ObjectiveReadModel = defineEntity({
  name: 'ObjectiveReadModel',
  schema: READ_MODEL_SCHEMA,
  tableName: 'objectives',
  properties: {
    tenantId: p.text().primary(),
    strategyId: p.text().primary(),
    objectiveId: p.text().primary(),
    /** Order in which the objective was added to its strategy, from 0. */
    position: p.integer(),
    ref: p.text().nullable(),
    title: p.text(),
    description: p.text().nullable(),
    psedAims: p.json<string[]>(),
    eflgModules: p.json<string[]>(),
    groupKind: p.text().nullable(),
    groupTitle: p.text().nullable(),
    retired: p.boolean(),
  },
  primaryKeys: ['tenantId', 'strategyId', 'objectiveId'],
});
export type ObjectiveReadModelRow = InferEntity<typeof ObjectiveReadModel>;

export const PlanReadModel = defineEntity({
  name: 'PlanReadModel',
  schema: READ_MODEL_SCHEMA,
  tableName: 'plans',
  properties: {
    tenantId: p.text().primary(),
    planId: p.text().primary(),
    strategyId: p.text(),
    status: p.text().$type<ActionPlanStatus>(),
    title: p.text(),
    periodFrom: p.date(),
    periodTo: p.date(),
    /** The plan's actions in the order they were registered, with their references. */
    registeredActions: p.json<RegisteredAction[]>(),
    approvedOn: p.date().nullable(),
    publishedOn: p.date().nullable(),
    closedOn: p.date().nullable(),
    version: p.integer(),
    changedAt: p.datetime(),
  },
  primaryKeys: ['tenantId', 'planId'],
});
export type PlanReadModelRow = InferEntity<typeof PlanReadModel>;

export const ActionReadModel = defineEntity({
  name: 'ActionReadModel',
  schema: READ_MODEL_SCHEMA,
  tableName: 'actions',
  properties: {
    tenantId: p.text().primary(),
    actionId: p.text().primary(),
    planId: p.text(),
    ref: p.text().nullable(),
    objectiveId: p.text(),
    title: p.text(),
    description: p.text().nullable(),
    /** The Due as the domain holds it (text as written and schedule). */
    due: p.json<Due>(),
    dueText: p.text().nullable(),
    dueKind: p.text().$type<DueKind>(),
    /** Every date the due names, ascending (ISO strings). */
    dueDates: p.json<string[]>(),
    /** The date after which the action is overdue: the last date of a date, milestones or range; null otherwise. */
    dueFinal: p.date().nullable(),
    successMeasures: p.json<string[]>(),
    leads: p.json<string[]>(),
    protectedCharacteristics: p.json<string[]>(),
    status: p.text().$type<ActionStatus>(),
    rag: p.text().$type<Rag>(),
    latestProgress: p.json<ProgressUpdate | null>().nullable(),
    statusReason: p.text().nullable(),
    /** The date of the latest progress, completion, deferral or cancellation. */
    latestUpdateOn: p.date().nullable(),
    version: p.integer(),
    changedAt: p.datetime(),
  },
  primaryKeys: ['tenantId', 'actionId'],
  indexes: [{ name: 'actions_by_plan', properties: ['tenantId', 'planId'] }],
});
export type ActionReadModelRow = InferEntity<typeof ActionReadModel>;

/** How often (in stream versions) the projection keeps an action's state for as-of reads. */
export const ACTION_SNAPSHOT_EVERY = 100;

export const ActionSnapshot = defineEntity({
  name: 'ActionSnapshot',
  schema: READ_MODEL_SCHEMA,
  tableName: 'action_snapshots',
  properties: {
    tenantId: p.text().primary(),
    actionId: p.text().primary(),
    version: p.integer().primary(),
    /** The latest recorded_at of the events up to this version. */
    recordedThrough: p.datetime(),
    state: p.json<Action>(),
  },
  primaryKeys: ['tenantId', 'actionId', 'version'],
  indexes: [{ name: 'action_snapshots_by_time', properties: ['tenantId', 'actionId', 'recordedThrough'] }],
});
export type ActionSnapshotRow = InferEntity<typeof ActionSnapshot>;

/** A measure on an action or an objective: its definition, readings, and the RAG they earn. */
export const MeasureReadModel = defineEntity({
  name: 'MeasureReadModel',
  schema: READ_MODEL_SCHEMA,
  tableName: 'measures',
  properties: {
    tenantId: p.text().primary(),
    measureId: p.text().primary(),
    subjectKind: p.text().$type<'action' | 'objective'>(),
    /** The action's plan, or the objective's strategy. */
    parentId: p.text(),
    /** The action or the objective. */
    subjectId: p.text(),
    title: p.text(),
    unit: p.text().$type<MeasureUnit>(),
    direction: p.text().$type<MeasureDirection>(),
    baseline: p.json<MeasureBaseline | null>().nullable(),
    target: p.json<MeasureTarget | null>().nullable(),
    status: p.text().$type<'active' | 'retired'>(),
    readings: p.json<MeasureReading[]>(),
    latestReading: p.json<MeasureReading | null>().nullable(),
    rag: p.text().$type<Rag>(),
    version: p.integer(),
    changedAt: p.datetime(),
  },
  primaryKeys: ['tenantId', 'measureId'],
  indexes: [{ name: 'measures_by_subject', properties: ['tenantId', 'subjectId'] }],
});
export type MeasureReadModelRow = InferEntity<typeof MeasureReadModel>;

/**
 * Operational, not council data (no row-level security): one row per council the projection has
 * seen, locked by projection batches (FOR SHARE) and by a rebuild's swap (FOR UPDATE).
 */
export const ProjectionCouncil = defineEntity({
  name: 'ProjectionCouncil',
  schema: READ_MODEL_SCHEMA,
  tableName: 'projection_councils',
  properties: {
    tenantId: p.text().primary(),
    rebuiltAt: p.datetime().nullable(),
    rebuiltEvents: p.integer().nullable(),
    rebuiltThrough: p.text().nullable(),
  },
});
export type ProjectionCouncilRow = InferEntity<typeof ProjectionCouncil>;

export const READ_MODEL_ENTITIES = [
  StrategyReadModel,
  ObjectiveReadModel,
  PlanReadModel,
  ActionReadModel,
  ActionSnapshot,
  MeasureReadModel,
  ProjectionCouncil,
];
