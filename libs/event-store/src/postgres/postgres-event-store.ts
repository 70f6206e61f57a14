import pg from 'pg';
import { ConcurrencyError, InvalidEventError, StreamTenantMismatchError } from '../errors.js';
import type { EventMetadata, GlobalPosition, JsonObject, NewEvent, RecordedEvent } from '../event.js';
import {
  ANY,
  NO_STREAM,
  type AppendResult,
  type EventAtPosition,
  type EventFilter,
  type EventStore,
  type ExpectedVersion,
  type ReadAllBatch,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StreamAppend,
} from '../event-store.port.js';
import { prepareEvents, uuidV7Ids, type PreparedEvent } from '../new-events.js';
import { IGNORE_APPENDS, type AppendObserver, type Clock, type IdGenerator } from '../ports.js';
import { readStreamStartsAfter } from '../read-stream-start.js';
import { parseStreamName } from '../stream-name.js';
import {
  verifyChain,
  type BrokenLink,
  type CheckpointCheck,
  type CheckpointSigner,
  type HashedEventContent,
  type StreamHead,
  type StreamVerification,
  type TenantCheckpoint,
  type TenantVerification,
} from '../tamper-evidence.js';
import { Upcasters } from '../upcasting.js';
import { appendUnits, GroupCommitter, type PendingAppend, type UnitOutcome } from './group-commit.js';
import { countEventsQuery, newestEventQuery, type NewestEventRow, type SqlQuery } from './log-queries.js';
import { migrate } from './migrations.js';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  readonly signer: CheckpointSigner;
  readonly upcasters?: Upcasters;
  /** PostgreSQL schema holding the event store's tables. */
  readonly schema?: string;
  readonly poolSize?: number;
  /** How many combined appends may be written at once (group commit). */
  readonly concurrentAppendBatches?: number;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly observer?: AppendObserver;
}

interface EventRow {
  transaction_id: string;
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  data: JsonObject;
  metadata: EventMetadata;
  hash: Buffer;
  recorded_at: Date;
}

const eventColumns = (alias: string): string =>
  [
    'global_position',
    'event_id',
    'stream_id',
    'stream_version',
    'type',
    'schema_version',
    'data',
    'metadata',
    'hash',
    'recorded_at',
  ]
    .map((column) => `${alias}.${column}`)
    .concat(`${alias}.transaction_id::text AS transaction_id`)
    .join(', ');
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;
const MAX_ANY_RETRIES = 10;
/** Other processes hear of appends through one NOTIFY per interval: each costs a commit of its own. */
const NOTIFY_DEBOUNCE_MS = 10;

/** The default event store: PostgreSQL, gap-free global order, hash-chained streams, group commit. */
export class PostgresEventStore implements EventStore {
  private readonly committer: GroupCommitter;
  private readonly listeners = new Set<() => void>();
  private listenClient: pg.Client | null = null;
  private listenRetry: NodeJS.Timeout | null = null;
  private notifyTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly channel: string;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly connectionString: string,
    private readonly signer: CheckpointSigner,
    private readonly upcasters: Upcasters,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    concurrentAppendBatches: number,
    observer: AppendObserver,
  ) {
    this.committer = new GroupCommitter(pool, schema, concurrentAppendBatches, 1000, observer);
    this.channel = `${schema}_appended`;
  }

  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'event_store';
    if (!SCHEMA_NAME.test(schema))
      throw new Error(`Event store schema "${schema}" must be a plain lowercase SQL identifier`);
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle client whose server went away (a restart, a shutdown) is dropped by the pool; the
    // next query reconnects. Without a listener the error would end the process.
    pool.on('error', () => undefined);
    try {
      await migrate(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(
      pool,
      schema,
      options.connectionString,
      options.signer,
      options.upcasters ?? new Upcasters(),
      options.clock ?? { now: () => new Date() },
      options.ids ?? uuidV7Ids,
      options.concurrentAppendBatches ?? 2,
      options.observer ?? IGNORE_APPENDS,
    );
  }

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const current =
        expectedVersion === ANY ? await this.streamVersion(streamId) : expectedVersionNumber(expectedVersion);
      try {
        const [result] = await this.appendStreams([{ streamId, events, expectedVersion: current }]);
        if (!result) throw new Error(`No result for the append to ${streamId}`);
        return result;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (expectedVersion === ANY && attempt < MAX_ANY_RETRIES) continue;
        throw new ConcurrencyError(streamId, expectedVersion, error.actual);
      }
    }
  }

  async appendStreams(appends: readonly StreamAppend[]): Promise<readonly AppendResult[]> {
    const prepared = this.prepareUnit(appends);
    const outcome = await this.committer.submit({ appends: prepared.map((p) => p.pending) });
    const results = this.unitResults(appends, prepared, outcome);
    this.announceAppend();
    return results;
  }

  /**
   * Appends within the caller's open transaction, for writes that must commit together with other
   * rows. Readers see the events once that transaction commits, never before and never skipped.
   */
  async appendWithin(
    client: pg.ClientBase,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: number | typeof NO_STREAM,
  ): Promise<AppendResult> {
    const appends = [{ streamId, events, expectedVersion }];
    const prepared = this.prepareUnit(appends);
    const [outcome] = await appendUnits(client, this.schema, [{ appends: prepared.map((p) => p.pending) }]);
    if (!outcome) throw new Error(`No outcome for the append to ${streamId}`);
    const [result] = this.unitResults(appends, prepared, outcome);
    if (!result) throw new Error(`No result for the append to ${streamId}`);
    return result;
  }

  /** Wakes watchers once a transaction that used appendWithin has committed. */
  announceAppend(): void {
    for (const listener of this.listeners) listener();
    if (this.notifyTimer || this.closed) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    }, NOTIFY_DEBOUNCE_MS);
  }

  private prepareUnit(appends: readonly StreamAppend[]): { events: PreparedEvent[]; pending: PendingAppend }[] {
    assertDistinctStreams(appends);
    return appends.map(({ streamId, events, expectedVersion }) => {
      const current = expectedVersionNumber(expectedVersion);
      const prepared = prepareEvents(streamId, events, current, this.ids);
      return { events: prepared, pending: pendingAppend(streamId, current, prepared) };
    });
  }

  private unitResults(
    appends: readonly StreamAppend[],
    prepared: readonly { events: readonly PreparedEvent[] }[],
    outcome: UnitOutcome,
  ): AppendResult[] {
    switch (outcome.kind) {
      case 'conflict': {
        const refused = appends[outcome.appendIndex];
        throw new ConcurrencyError(refused?.streamId ?? '', refused?.expectedVersion ?? 0, outcome.actualVersion);
      }
      case 'tenant_mismatch': {
        const streamId = appends[outcome.appendIndex]?.streamId ?? '';
        throw new StreamTenantMismatchError(streamId, 'another tenant', parseStreamName(streamId).tenantId);
      }
      case 'ok':
        return prepared.map(({ events: preparedEvents }, appendIndex) => {
          const rows = outcome.rows[appendIndex] ?? [];
          const events = preparedEvents.map(({ content }, index): RecordedEvent => {
            const row = rows[index];
            if (!row) throw new Error(`No row for event ${content.id}`);
            return {
              ...content,
              globalPosition: { commit: row.transactionId, prepare: row.globalPosition },
              recordedAt: row.recordedAt,
              hash: row.hash,
            };
          });
          return { nextExpectedVersion: events.at(-1)?.streamVersion ?? 0, events };
        });
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const rows = await this.rawStream(streamId, options);
    return rows.map((row) => this.toRecorded(row, options.asStored === true));
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: string }>(
      `SELECT version FROM ${this.schema}.streams WHERE stream_id = $1`,
      [streamId],
    );
    return Number(rows[0]?.version ?? 0);
  }

  async readAll(options: ReadAllOptions): Promise<ReadAllBatch> {
    const params: unknown[] = [options.after.commit.toString(), options.after.prepare.toString(), options.batchSize];
    const filters: string[] = [];
    if (options.tenantId !== undefined) {
      params.push(options.tenantId);
      filters.push(`AND e.tenant_id = $${params.length}`);
    }
    if (options.eventTypes !== undefined) {
      params.push(options.eventTypes);
      filters.push(`AND e.type = ANY($${params.length}::text[])`);
    }
    // With a tenant, ordering by the tenant index's own columns (the same order, the tenant being
    // fixed) lets the planner walk that index instead of sorting the tenant's whole log.
    const order =
      options.tenantId === undefined
        ? 'e.transaction_id, e.global_position'
        : 'e.tenant_id, e.transaction_id, e.global_position';
    // One statement, one snapshot: only transactions below its xmin have all finished, so rows
    // beyond it may still be joined by rows of an older transaction that commits later.
    const { rows } = await this.pool.query<EventRow & { high_water_mark: string }>(
      `WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
       SELECT snapshot.xmin::text AS high_water_mark, page.*
         FROM snapshot
         LEFT JOIN LATERAL (
           SELECT ${eventColumns('e')}
             FROM ${this.schema}.events e
            WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
              AND e.transaction_id < snapshot.xmin
              ${filters.join(' ')}
            ORDER BY ${order}
            LIMIT $3
         ) page ON true`,
      params,
    );
    const highWaterMark = BigInt(rows[0]?.high_water_mark ?? '0');
    const eventRows = rows.filter((row) => row.event_id !== null);
    const events = eventRows.map((row) => this.toRecorded(row));
    const caughtUp = events.length < options.batchSize;
    const last = events.at(-1)?.globalPosition ?? options.after;
    const position = caughtUp && highWaterMark > last.commit ? { commit: highWaterMark, prepare: 0n } : last;
    return { events, position, caughtUp };
  }

  async newestEvent(filter: EventFilter): Promise<EventAtPosition | null> {
    if (filter.eventTypes?.length === 0) return null;
    const { rows } = await this.query<NewestEventRow>(newestEventQuery(this.schema, filter));
    const row = rows[0];
    return row ? { eventId: row.event_id, globalPosition: positionOf(row) } : null;
  }

  async countEvents(filter: EventFilter): Promise<number> {
    if (filter.eventTypes?.length === 0) return 0;
    const { rows } = await this.query<{ count: string }>(countEventsQuery(this.schema, filter));
    return Number(rows[0]?.count ?? 0);
  }

  watchAppends(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.startListening();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.stopListening();
    };
  }

  private startListening(): void {
    if (this.closed || this.listenClient) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    this.listenClient = client;
    const retry = (): void => {
      if (this.listenClient !== client) return;
      this.listenClient = null;
      client.end().catch(() => undefined);
      if (this.closed || this.listeners.size === 0) return;
      this.listenRetry = setTimeout(() => {
        this.listenRetry = null;
        this.startListening();
      }, 1000);
    };
    client.on('notification', () => {
      for (const listener of this.listeners) listener();
    });
    client.on('error', retry);
    client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      .catch(retry);
  }

  private stopListening(): Promise<void> {
    if (this.listenRetry) clearTimeout(this.listenRetry);
    this.listenRetry = null;
    const client = this.listenClient;
    this.listenClient = null;
    return client ? client.end().catch(() => undefined) : Promise.resolve();
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const [rows, head] = await Promise.all([this.rawStream(streamId, {}), this.streamHead(streamId)]);
    const events = rows.map(hashedContent);
    if (!head && events.length > 0) {
      return {
        streamId,
        valid: false,
        eventsChecked: 0,
        headHash: '',
        brokenLink: {
          streamId,
          streamVersion: 1,
          reason: 'head_mismatch',
          detail: 'the stream has events but no recorded head',
        },
      };
    }
    return verifyChain(streamId, events, head);
  }

  async verifyTenant(tenantId: string): Promise<TenantVerification> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM ${this.schema}.streams WHERE tenant_id = $1
        UNION SELECT DISTINCT stream_id FROM ${this.schema}.events WHERE tenant_id = $1
        ORDER BY stream_id`,
      [tenantId],
    );
    let eventsChecked = 0;
    const brokenLinks: BrokenLink[] = [];
    for (const { stream_id: streamId } of rows) {
      const result = await this.verifyStream(streamId);
      eventsChecked += result.eventsChecked;
      if (result.brokenLink) brokenLinks.push(result.brokenLink);
    }
    return {
      tenantId,
      valid: brokenLinks.length === 0,
      streamsChecked: rows.length,
      eventsChecked,
      brokenLink: brokenLinks[0] ?? null,
      brokenLinks,
    };
  }

  async exportTenantCheckpoint(tenantId: string): Promise<TenantCheckpoint> {
    const { rows } = await this.pool.query<{ stream_id: string; version: string; head_hash: Buffer }>(
      `SELECT stream_id, version, head_hash FROM ${this.schema}.streams WHERE tenant_id = $1 ORDER BY stream_id`,
      [tenantId],
    );
    const heads: StreamHead[] = rows.map((row) => ({
      streamId: row.stream_id,
      version: Number(row.version),
      hash: row.head_hash.toString('hex'),
    }));
    return this.signer.sign(tenantId, heads, this.clock.now());
  }

  async checkTenantCheckpoint(checkpoint: TenantCheckpoint): Promise<CheckpointCheck> {
    const { digestValid, signatureValid } = this.signer.checkSignature(checkpoint);
    const mismatches: { streamId: string; version: number; detail: string }[] = [];
    for (const head of checkpoint.heads) {
      const rows = await this.rawStream(head.streamId, { toVersion: head.version });
      const verification = verifyChain(head.streamId, rows.map(hashedContent), {
        version: head.version,
        hash: head.hash,
      });
      if (!verification.valid) {
        mismatches.push({
          streamId: head.streamId,
          version: head.version,
          detail: verification.brokenLink?.detail ?? 'chain broken',
        });
      }
    }
    return { valid: digestValid && signatureValid && mismatches.length === 0, digestValid, signatureValid, mismatches };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.listeners.clear();
    await this.stopListening();
    await this.committer.drain();
    await this.pool.end();
  }

  private async rawStream(streamId: string, options: ReadStreamOptions): Promise<EventRow[]> {
    const params: unknown[] = [streamId];
    let filter = '';
    const afterVersion = readStreamStartsAfter(options);
    if (afterVersion > 0) {
      params.push(afterVersion);
      filter += ` AND e.stream_version > $${params.length}`;
    }
    if (options.toVersion !== undefined) {
      params.push(options.toVersion);
      filter += ` AND e.stream_version <= $${params.length}`;
    }
    if (options.toInstant !== undefined) {
      params.push(options.toInstant);
      filter += ` AND e.recorded_at <= $${params.length}`;
    }
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${eventColumns('e')} FROM ${this.schema}.events e WHERE e.stream_id = $1${filter} ORDER BY e.stream_version`,
      params,
    );
    return rows;
  }

  private query<Row extends pg.QueryResultRow>({ text, values }: SqlQuery): Promise<pg.QueryResult<Row>> {
    return this.pool.query<Row>(text, [...values]);
  }

  private async streamHead(streamId: string): Promise<{ version: number; hash: string } | null> {
    const { rows } = await this.pool.query<{ version: string; head_hash: Buffer }>(
      `SELECT version, head_hash FROM ${this.schema}.streams WHERE stream_id = $1`,
      [streamId],
    );
    const row = rows[0];
    return row ? { version: Number(row.version), hash: row.head_hash.toString('hex') } : null;
  }

  private toRecorded(row: EventRow, asStored = false): RecordedEvent {
    const { schemaVersion, data } = asStored
      ? { schemaVersion: row.schema_version, data: row.data }
      : this.upcasters.apply(row.type, row.schema_version, row.data);
    return {
      id: row.event_id,
      type: row.type,
      schemaVersion,
      data,
      metadata: row.metadata,
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      globalPosition: positionOf(row),
      recordedAt: row.recorded_at,
      hash: row.hash.toString('hex'),
    };
  }
}

function positionOf(row: Pick<EventRow, 'transaction_id' | 'global_position'>): GlobalPosition {
  return { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) };
}

function hashedContent(row: EventRow): HashedEventContent & { hash: string } {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash.toString('hex'),
  };
}

function expectedVersionNumber(expected: number | typeof NO_STREAM): number {
  if (expected === NO_STREAM) return 0;
  if (!Number.isSafeInteger(expected) || expected < 0)
    throw new RangeError(`Expected version ${expected} must be a whole number from 0`);
  return expected;
}

function assertDistinctStreams(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new InvalidEventError('No streams to append to');
  const seen = new Set<string>();
  for (const { streamId } of appends) {
    if (seen.has(streamId)) throw new InvalidEventError(`Stream ${streamId} appears twice in one append`);
    seen.add(streamId);
  }
}

function pendingAppend(streamId: string, current: number, prepared: readonly PreparedEvent[]): PendingAppend {
  return {
    streamId,
    tenantId: parseStreamName(streamId).tenantId,
    expectedVersion: current,
    eventIds: prepared.map((p) => p.content.id),
    canonicalJson: prepared.map((p) => p.canonicalJson),
  };
}
