import type pg from 'pg';
import type { AppendObserver } from '../ports.js';

export interface PendingAppend {
  readonly streamId: string;
  readonly tenantId: string;
  readonly expectedVersion: number;
  readonly eventIds: readonly string[];
  readonly canonicalJson: readonly string[];
}

/** One command's appends: every one of them is recorded, or none is. */
export interface PendingUnit {
  readonly appends: readonly PendingAppend[];
}

export type UnitOutcome =
  | { readonly kind: 'ok'; readonly rows: readonly (readonly AppendedRow[])[] }
  | {
      readonly kind: 'conflict' | 'tenant_mismatch';
      /** Which of the unit's appends was refused (0-based). */
      readonly appendIndex: number;
      readonly actualVersion: number;
    };

export interface AppendedRow {
  readonly eventId: string;
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
  readonly hash: string;
  readonly recordedAt: Date;
}

interface AppendUnitsRow {
  append_index: number | null;
  outcome: 'ok' | 'conflict' | 'tenant_mismatch';
  actual_version: string | null;
  event_id: string | null;
  transaction_id: string | null;
  global_position: string | null;
  hash: Buffer | null;
  recorded_at: Date | null;
}

/** Runs `append_units` for some units in the given client's transaction (or its own, in autocommit). */
export async function appendUnits(
  client: pg.ClientBase | pg.Pool,
  schema: string,
  units: readonly PendingUnit[],
): Promise<UnitOutcome[]> {
  const appends = units.flatMap((unit) => unit.appends);
  const { rows } = await client.query<AppendUnitsRow>(
    `SELECT * FROM ${schema}.append_units($1::text[], $2::text[], $3::bigint[], $4::integer[], $5::text[], $6::integer[])`,
    [
      appends.map((a) => a.streamId),
      appends.map((a) => a.tenantId),
      appends.map((a) => a.expectedVersion),
      appends.map((a) => a.canonicalJson.length),
      appends.flatMap((a) => a.canonicalJson),
      units.map((unit) => unit.appends.length),
    ],
  );
  const refusals = new Map<number, { kind: 'conflict' | 'tenant_mismatch'; actualVersion: number }>();
  const appendedById = new Map<string, AppendedRow>();
  for (const row of rows) {
    if (row.outcome === 'ok') {
      appendedById.set(row.event_id ?? '', {
        eventId: row.event_id ?? '',
        transactionId: BigInt(row.transaction_id ?? '0'),
        globalPosition: BigInt(row.global_position ?? '0'),
        hash: (row.hash ?? Buffer.alloc(0)).toString('hex'),
        recordedAt: row.recorded_at ?? new Date(0),
      });
    } else if (row.append_index !== null) {
      refusals.set(row.append_index - 1, { kind: row.outcome, actualVersion: Number(row.actual_version ?? 0) });
    }
  }
  let firstAppend = 0;
  return units.map((unit): UnitOutcome => {
    const offset = firstAppend;
    firstAppend += unit.appends.length;
    for (let index = 0; index < unit.appends.length; index += 1) {
      const refused = refusals.get(offset + index);
      if (refused) return { ...refused, appendIndex: index };
    }
    return {
      kind: 'ok',
      rows: unit.appends.map((append) =>
        append.eventIds.map((id) => {
          const row = appendedById.get(id);
          if (!row) throw new Error(`append_units returned no row for event ${id} of ${append.streamId}`);
          return row;
        }),
      ),
    };
  });
}

interface Waiting {
  readonly unit: PendingUnit;
  resolve(outcome: UnitOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends that arrive while earlier ones are being written are combined into one
 * transaction. Each caller is answered only once its own events are durable; a failing append
 * in a combined batch is retried alone, so it cannot fail the others.
 */
export class GroupCommitter {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private pumpScheduled = false;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly maxConcurrentBatches: number,
    private readonly maxEventsPerBatch: number,
    private readonly observer: AppendObserver,
  ) {}

  async submit(unit: PendingUnit): Promise<UnitOutcome> {
    const started = performance.now();
    const outcome = await new Promise<UnitOutcome>((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
      this.schedulePump();
    });
    this.observer.appendCommitted((performance.now() - started) / 1000);
    return outcome;
  }

  /**
   * Waits for the rest of this turn of the event loop before writing: callers answered by the
   * previous batch usually append again at once, and should ride in the same transaction.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Resolves once nothing is queued or being written. */
  drain(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.maxConcurrentBatches && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        this.schedulePump();
        if (this.inFlight === 0 && this.queue.length === 0) this.idle.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  private takeBatch(): Waiting[] {
    let events = 0;
    let count = 0;
    for (const waiting of this.queue) {
      const size = eventCount(waiting.unit);
      if (count > 0 && events + size > this.maxEventsPerBatch) break;
      events += size;
      count += 1;
    }
    // Locking stream rows in one order keeps concurrent batches from deadlocking (units of several
    // streams also lock every row first, in order); the sort is stable, so two appends to one
    // stream keep their order.
    return this.queue
      .splice(0, count)
      .map((waiting) => ({ waiting, key: lockOrderKey(waiting.unit) }))
      .sort((a, b) => compareText(a.key, b.key))
      .map(({ waiting }) => waiting);
  }

  private async write(batch: Waiting[]): Promise<void> {
    this.observer.batchWritten(
      batch.length,
      batch.reduce((sum, waiting) => sum + eventCount(waiting.unit), 0),
    );
    try {
      const outcomes = await appendUnits(
        this.pool,
        this.schema,
        batch.map((w) => w.unit),
      );
      batch.forEach((waiting, index) => {
        const outcome = outcomes[index];
        if (outcome) waiting.resolve(outcome);
        else waiting.reject(new Error(`No outcome for the append to ${describeUnit(waiting.unit)}`));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const waiting of batch) {
        try {
          const [outcome] = await appendUnits(this.pool, this.schema, [waiting.unit]);
          if (outcome) waiting.resolve(outcome);
          else waiting.reject(new Error(`No outcome for the append to ${describeUnit(waiting.unit)}`));
        } catch (single) {
          waiting.reject(single);
        }
      }
    }
  }
}

function eventCount(unit: PendingUnit): number {
  return unit.appends.reduce((sum, append) => sum + append.canonicalJson.length, 0);
}

function lockOrderKey(unit: PendingUnit): string {
  return unit.appends.reduce(
    (lowest, append) => (append.streamId < lowest ? append.streamId : lowest),
    unit.appends[0]?.streamId ?? '',
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeUnit(unit: PendingUnit): string {
  return unit.appends.map((append) => append.streamId).join(', ');
}
