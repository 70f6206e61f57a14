import { recordDecision } from '@due-regard/commands';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  CatchUpSubscription,
  CheckpointSigner,
  PostgresCheckpointStore,
  PostgresEventStore,
  streamName,
  type EventMetadata,
  type RecordedEvent,
} from '@due-regard/event-store';
import { migrateUnderLock, readModelOrmOptions } from '@due-regard/platform';
import type { Decider, DomainEvent } from '@due-regard/shared-kernel';
import { createTestDatabase, generateSigningKeyPem, type TestDatabase } from '@due-regard/testing';
import { actionDecider, type ActionCommand } from '../../domain/action.js';
import { actionPlanDecider, type ActionPlanCommand } from '../../domain/action-plan.js';
import { parseDue } from '../../domain/due.js';
import { strategyDecider, type StrategyCommand } from '../../domain/strategy.js';
import { PLANS_READ_MODEL_SUBSCRIPTION, projectBatch } from '../projection/plans-projection.js';
import { PLANS_READ_MODEL_ORM } from '../schema/migrations.js';

/**
 * A real PostgreSQL database of its own with the event store, the read-model schema migrated
 * through MikroORM, a pool for projections, and helpers that append events the way the write side
 * does (through the deciders). Dropped on `dispose()`.
 */
export class ReadModelHarness {
  private subscriptions: CatchUpSubscription[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly store: PostgresEventStore,
    readonly orm: MikroORM,
    readonly pool: pg.Pool,
    readonly checkpoints: PostgresCheckpointStore,
  ) {}

  static async start(): Promise<ReadModelHarness> {
    const database = await createTestDatabase('dr_read');
    const store = await PostgresEventStore.create({
      connectionString: database.url,
      signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'test'),
    });
    const orm = await MikroORM.init(readModelOrmOptions(database.url, [PLANS_READ_MODEL_ORM]));
    await migrateUnderLock(orm, database.url);
    const pool = new pg.Pool({ connectionString: database.url, max: 6 });
    const checkpoints = await PostgresCheckpointStore.create(pool);
    return new ReadModelHarness(database, store, orm, pool, checkpoints);
  }

  /** The projection as the projector runs it; `handle` may wrap it (to fail on purpose). */
  subscribe(
    handle: (events: readonly RecordedEvent[], tx: pg.PoolClient) => Promise<void> = async (events, tx) => {
      await projectBatch(events, tx);
    },
    onError?: (error: unknown) => void,
    batchSize = 500,
  ): CatchUpSubscription {
    const subscription = new CatchUpSubscription(this.store, this.checkpoints, {
      name: PLANS_READ_MODEL_SUBSCRIPTION,
      handle,
      batchSize,
      pollIntervalMs: 20,
      ...(onError ? { onError } : {}),
    });
    subscription.start();
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Resolves once the checkpoint has passed every event appended so far. */
  async projected(): Promise<void> {
    const newest = await this.store.newestEvent({});
    if (newest === null) return;
    await Promise.all(this.subscriptions.map((subscription) => subscription.reached(newest.globalPosition)));
  }

  async stopSubscriptions(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.stop()));
    this.subscriptions = [];
  }

  /** Rows of a read-model table for a council, read as the connecting superuser (tests only). */
  async rowsOf(table: string, tenantId: string): Promise<Record<string, unknown>[]> {
    const { rows } = await this.pool.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM plans_read.${table} t WHERE tenant_id = $1 ORDER BY to_jsonb(t)::text`,
      [tenantId],
    );
    return rows.map((row) => row.row);
  }

  async allRows(tenantId: string): Promise<Record<string, Record<string, unknown>[]>> {
    const result: Record<string, Record<string, unknown>[]> = {};
    for (const table of ['strategies', 'objectives', 'plans', 'actions', 'action_snapshots'])
      result[table] = await this.rowsOf(table, tenantId);
    return result;
  }

  async dispose(): Promise<void> {
    await this.stopSubscriptions();
    await this.orm.close();
    await this.pool.end();
    await this.store.close();
    await this.database.drop();
  }
}

function metadata(tenantId: string, occurredAt = new Date()): EventMetadata {
  return {
    tenantId,
    actorId: 'subject-1',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: occurredAt.toISOString(),
    source: 'api',
  };
}

async function decide<C, E extends DomainEvent, S>(
  store: PostgresEventStore,
  stream: string,
  decider: Decider<C, E, S>,
  command: C,
  tenantId: string,
): Promise<{ readonly version: number }> {
  return recordDecision(store, stream, decider, command, metadata(tenantId));
}

/** A council's plans written through the deciders: a strategy with objectives, a plan, actions. */
export class PlansWriter {
  constructor(
    private readonly store: PostgresEventStore,
    readonly tenantId: string,
  ) {}

  strategy(strategyId: string, command: StrategyCommand): Promise<{ readonly version: number }> {
    return decide(
      this.store,
      streamName('strategy', this.tenantId, strategyId),
      strategyDecider,
      command,
      this.tenantId,
    );
  }

  plan(planId: string, command: ActionPlanCommand): Promise<{ readonly version: number }> {
    return decide(this.store, streamName('plan', this.tenantId, planId), actionPlanDecider, command, this.tenantId);
  }

  action(actionId: string, command: ActionCommand): Promise<{ readonly version: number }> {
    return decide(this.store, streamName('action', this.tenantId, actionId), actionDecider, command, this.tenantId);
  }

  /** A draft strategy 2024-2028 with the given objectives ("PEO 1", "PEO 2", ...). */
  async draftStrategy(strategyId: string, objectiveIds: readonly string[]): Promise<void> {
    await this.strategy(strategyId, {
      type: 'DraftStrategy',
      strategyId,
      title: `Equality strategy ${strategyId}`,
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    for (const [index, objectiveId] of objectiveIds.entries()) {
      await this.strategy(strategyId, {
        type: 'AddObjective',
        strategyId,
        objectiveId,
        ref: `PEO ${index + 1}`,
        title: `Objective ${index + 1}`,
        description: null,
        psedAims: ['eliminate-discrimination'],
        eflgModules: [],
        group: index % 2 === 0 ? { kind: 'pillar', title: 'Our communities' } : null,
      });
    }
  }

  async draftPlan(planId: string, strategyId: string): Promise<void> {
    await this.plan(planId, {
      type: 'DraftActionPlan',
      planId,
      strategy: { strategyId, status: 'draft', period: { from: '2024-04-01', to: '2028-03-31' } },
      title: `Action plan ${planId}`,
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
  }

  async addAction(
    planId: string,
    actionId: string,
    options: { ref: string; objectiveId: string; objectiveIds: readonly string[]; due: string; leads?: string[] },
  ): Promise<void> {
    await this.plan(planId, { type: 'RegisterAction', planId, actionId, ref: options.ref });
    await this.action(actionId, {
      type: 'AddAction',
      actionId,
      planId,
      planStatus: 'draft',
      ref: options.ref,
      objectiveId: options.objectiveId,
      activeObjectiveIds: options.objectiveIds,
      title: `Action ${options.ref}`,
      description: null,
      due: parseDue(options.due),
      successMeasures: ['Measured'],
      leads: options.leads ?? ['Equality Working Group'],
      protectedCharacteristics: ['disability'],
    });
  }

  async progress(
    actionId: string,
    status: string,
    rag: string,
    asOf: string,
    narrative = 'Progress made',
  ): Promise<void> {
    await this.action(actionId, {
      type: 'RecordProgress',
      actionId,
      planStatus: 'draft',
      status,
      rag,
      narrative,
      asOf,
    });
  }
}
