import type pg from 'pg';

export interface PendingAppend {
  readonly streamId: string;
  readonly tenantId: string;
  readonly expectedVersion: number;
  readonly eventIds: readonly string[];
  readonly canonicalJson: readonly string[];
}

export type AppendOutcome =
  | { readonly kind: 'ok'; readonly rows: readonly AppendedRow[] }
  | { readonly kind: 'conflict'; readonly actualVersion: number }
  | { readonly kind: 'tenant_mismatch'; readonly actualVersion: number };

export interface AppendedRow {
  readonly eventId: string;
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
  readonly hash: string;
  readonly recordedAt: Date;
}

interface AppendBatchRow {
  append_index: number | null;
  outcome: 'ok' | 'conflict' | 'tenant_mismatch';
  actual_version: string | null;
  event_id: string | null;
  transaction_id: string | null;
  global_position: string | null;
  hash: Buffer | null;
  recorded_at: Date | null;
}

/** Runs `append_batch` for some appends in the given client's transaction (or its own, in autocommit). */
export async function appendBatch(
  client: pg.ClientBase | pg.Pool,
  schema: string,
  appends: readonly PendingAppend[],
): Promise<AppendOutcome[]> {
  const { rows } = await client.query<AppendBatchRow>(
    `SELECT * FROM ${schema}.append_batch($1::text[], $2::text[], $3::bigint[], $4::integer[], $5::text[])`,
    [
      appends.map((a) => a.streamId),
      appends.map((a) => a.tenantId),
      appends.map((a) => a.expectedVersion),
      appends.map((a) => a.canonicalJson.length),
      appends.flatMap((a) => a.canonicalJson),
    ],
  );
  const outcomes = new Array<AppendOutcome | undefined>(appends.length);
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
      outcomes[row.append_index - 1] = { kind: row.outcome, actualVersion: Number(row.actual_version ?? 0) };
    }
  }
  return appends.map((append, index) => {
    const refused = outcomes[index];
    if (refused) return refused;
    const appended = append.eventIds.map((id) => {
      const row = appendedById.get(id);
      if (!row) throw new Error(`append_batch returned no row for event ${id} of ${append.streamId}`);
      return row;
    });
    return { kind: 'ok', rows: appended };
  });
}

interface Waiting {
  readonly append: PendingAppend;
  resolve(outcome: AppendOutcome): void;
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
  ) {}

  submit(append: PendingAppend): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      this.schedulePump();
    });
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
      if (count > 0 && events + waiting.append.canonicalJson.length > this.maxEventsPerBatch) break;
      events += waiting.append.canonicalJson.length;
      count += 1;
    }
    // Locking stream rows in one order keeps concurrent batches from deadlocking; the sort is
    // stable, so two appends to one stream keep their order.
    return this.queue
      .splice(0, count)
      .sort((a, b) => (a.append.streamId < b.append.streamId ? -1 : a.append.streamId > b.append.streamId ? 1 : 0));
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await appendBatch(
        this.pool,
        this.schema,
        batch.map((w) => w.append),
      );
      batch.forEach((waiting, index) => {
        const outcome = outcomes[index];
        if (outcome) waiting.resolve(outcome);
        else waiting.reject(new Error(`No outcome for the append to ${waiting.append.streamId}`));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const waiting of batch) {
        try {
          const [outcome] = await appendBatch(this.pool, this.schema, [waiting.append]);
          if (outcome) waiting.resolve(outcome);
          else waiting.reject(new Error(`No outcome for the append to ${waiting.append.streamId}`));
        } catch (single) {
          waiting.reject(single);
        }
      }
    }
  }
}
