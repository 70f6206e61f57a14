import type pg from 'pg';
import { formatPosition, START, type EventStore, type GlobalPosition } from '@due-regard/event-store';
import { READ_MODEL_SCHEMA as S } from '../schema/entities.js';
import { CouncilReadModel, PROJECTED_EVENT_TYPES } from '../projection/council-read-model.js';
import {
  actAsWriter,
  enterCouncil,
  lockCouncils,
  replaceCouncilRows,
  stopActingAsWriter,
} from '../projection/read-model-sql.js';

export interface RebuildProgress {
  /** `reading`: folding the council's events in memory; `swapping`: replacing its rows; `done`. */
  readonly phase: 'reading' | 'swapping' | 'done';
  readonly eventsRead: number;
  /** How many events the council had when the rebuild started. */
  readonly eventsTotal: number;
  /** 0 to 100. */
  readonly percent: number;
}

export interface RebuildResult {
  readonly council: string;
  readonly events: number;
  readonly strategies: number;
  readonly plans: number;
  readonly actions: number;
  /** Where in the global log the rebuilt rows stand. */
  readonly through: string;
  readonly seconds: number;
}

export class RebuildAlreadyRunningError extends Error {
  override readonly name = 'RebuildAlreadyRunningError';
  constructor(readonly council: string) {
    super(`A rebuild of ${council}'s read models is running already`);
  }
}

export interface RebuildOptions {
  readonly onProgress?: (progress: RebuildProgress) => void | Promise<void>;
  readonly batchSize?: number;
}

const READ_BATCH = 5000;

/**
 * Rebuilds one council's read models from its events while the projection keeps running, for
 * this council and the others:
 *
 * 1. Without holding any lock, read every event of the council (the event store's council filter)
 *    and fold them in memory, through the same `CouncilReadModel.apply` as the live projection.
 * 2. In one transaction: lock the council's projection row FOR UPDATE (projection batches for this
 *    council take it FOR SHARE, so none is half-way), read and fold what was appended meanwhile,
 *    then delete the council's rows and insert the rebuilt ones.
 *
 * Rows carry their stream's version, so events the live projection delivers after the swap but
 * already included in it are skipped. Other councils' rows are never touched: the swap runs as the
 * writer role with this council set, under row-level security. Only one rebuild per council runs
 * at a time (a session advisory lock).
 */
export class CouncilRebuilder {
  constructor(
    private readonly store: EventStore,
    private readonly pool: pg.Pool,
  ) {}

  async rebuild(tenantId: string, options: RebuildOptions = {}): Promise<RebuildResult> {
    const started = performance.now();
    const lockHolder = await this.pool.connect();
    try {
      const { rows } = await lockHolder.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [`plans-read-model.rebuild:${tenantId}`],
      );
      if (!rows[0]?.locked) throw new RebuildAlreadyRunningError(tenantId);
      try {
        return await this.rebuildLocked(tenantId, options, started);
      } finally {
        await lockHolder.query('SELECT pg_advisory_unlock(hashtext($1))', [`plans-read-model.rebuild:${tenantId}`]);
      }
    } finally {
      lockHolder.release();
    }
  }

  private async rebuildLocked(tenantId: string, options: RebuildOptions, started: number): Promise<RebuildResult> {
    const eventsTotal = await this.store.countEvents({ tenantId, eventTypes: PROJECTED_EVENT_TYPES });
    const model = new CouncilReadModel(tenantId);
    let eventsRead = 0;
    const report = async (phase: RebuildProgress['phase']): Promise<void> => {
      const percent =
        phase === 'done' ? 100 : eventsTotal > 0 ? Math.min(99, Math.floor((eventsRead / eventsTotal) * 95)) : 0;
      await options.onProgress?.({ phase, eventsRead, eventsTotal, percent });
    };
    const read = (after: GlobalPosition) =>
      this.store.readAll({
        after,
        batchSize: options.batchSize ?? READ_BATCH,
        tenantId,
        eventTypes: PROJECTED_EVENT_TYPES,
      });
    const fold = async (after: GlobalPosition, onBatch: () => Promise<void>): Promise<GlobalPosition> => {
      let pending = read(after);
      for (;;) {
        const batch = await pending;
        // The database reads the next batch while this one is folded.
        if (!batch.caughtUp) {
          pending = read(batch.position);
          // Awaited on the next turn; should folding this batch throw first, it is not left unheard.
          pending.catch(() => undefined);
        }
        for (const event of batch.events) model.apply(event);
        eventsRead += batch.events.length;
        if (batch.events.length > 0) await onBatch();
        if (batch.caughtUp) return batch.position;
      }
    };

    await report('reading');
    let position = await fold(START, () => report('reading'));

    await report('swapping');
    const tx = await this.pool.connect();
    try {
      await tx.query('BEGIN');
      await actAsWriter(tx);
      await lockCouncils(tx, [tenantId], 'update');
      await enterCouncil(tx, tenantId);
      // Whatever was appended while reading: projection batches for this council now wait for us.
      position = await fold(position, () => Promise.resolve());
      const rows = model.rows();
      await replaceCouncilRows(tx, tenantId, rows);
      await tx.query(
        `UPDATE ${S}.projection_councils SET rebuilt_at = now(), rebuilt_events = $2, rebuilt_through = $3 WHERE tenant_id = $1`,
        [tenantId, eventsRead, formatPosition(position)],
      );
      await stopActingAsWriter(tx);
      await tx.query('COMMIT');
      await report('done');
      return {
        council: tenantId,
        events: eventsRead,
        strategies: rows.strategies.length,
        plans: rows.plans.length,
        actions: rows.actions.length,
        through: formatPosition(position),
        seconds: (performance.now() - started) / 1000,
      };
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }
}
