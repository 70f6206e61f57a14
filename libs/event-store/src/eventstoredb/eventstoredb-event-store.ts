import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  START as CLIENT_START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamSubscription,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import { InvalidEventError } from '../errors.js';
import type { NewEvent, RecordedEvent } from '../event.js';
import {
  ANY,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type ReadAllBatch,
  type ReadAllOptions,
  type ReadStreamOptions,
} from '../event-store.port.js';
import { prepareEvents, uuidV7Ids } from '../new-events.js';
import type { Clock, IdGenerator } from '../ports.js';
import { parseStreamName } from '../stream-name.js';
import {
  type CheckpointCheck,
  type CheckpointSigner,
  type StreamHead,
  type StreamVerification,
  type TenantCheckpoint,
  type TenantVerification,
} from '../tamper-evidence.js';
import { Upcasters } from '../upcasting.js';
import {
  allStreamSelector,
  chainEvents,
  decodeStoredEvent,
  isAfter,
  isSystemEvent,
  planAppend,
  readAllStart,
  redactConnectionString,
  redactPassword,
  revisionForVersion,
  scanPageSize,
  tenantStreamRegex,
  toClientConnectionString,
  toConcurrencyError,
  toEventData,
  toGlobalPosition,
  toRecordedEvent,
  versionForRevision,
  verifyStored,
  type RawKurrentEvent,
  type StreamTip,
} from './eventstoredb-mapping.js';

export interface EventStoreDbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://…`; `kurrentdb://` is accepted as a synonym of `esdb://`. */
  readonly connectionString: string;
  readonly signer: CheckpointSigner;
  readonly upcasters?: Upcasters;
  readonly clock?: Clock;
  /** UUIDv7 generator for events appended without an id. */
  readonly ids?: IdGenerator;
  /**
   * At most this many raw `$all` events are scanned by one readAll call that filters by tenant or
   * event type; past it the call returns what it found with `caughtUp: false` and a position past
   * everything scanned, so a reader advances without one call running unbounded. Default 100 000.
   */
  readonly readAllScanLimit?: number;
}

/** Attempts of an ANY append whose stream moves between reading its tip and appending. */
const ANY_APPEND_ATTEMPTS = 10;
/** Deadline of ping() and of the reachability check in create(), in milliseconds. */
const PING_DEADLINE_MS = 5_000;
/** Pause before re-opening a dropped watchAppends subscription, in milliseconds. */
const RESUBSCRIBE_DELAY_MS = 1_000;
const DEFAULT_READ_ALL_SCAN_LIMIT = 100_000;

const systemClock: Clock = { now: () => new Date() };

/**
 * The EventStore port on KurrentDB (EventStoreDB) through `@eventstore/db-client` 6.
 *
 * - Stream ids are KurrentDB stream names 1:1 (`<category>-<tenant>.<entity>`, so `$by_category`
 *   and `$ce-<category>` work). Stream version = KurrentDB revision + 1.
 * - Every append is sent with an exact expected revision (ANY reads the tip first and retries on a
 *   conflict), because each event's hash covers its stream version and the previous event's hash.
 * - The KurrentDB event keeps our data as its data, and our metadata, schema version and chain
 *   link in its metadata (see `EventEnvelope`).
 * - `$all` is read with catch-up reads only (never persistent subscriptions, which do not keep
 *   order). KurrentDB gives an event its log position when it commits, so reading `$all` in
 *   position order never skips an event that commits late: the port's gap-free guarantee holds as is.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly listeners = new Set<() => void>();
  private subscription: AllStreamSubscription | null = null;
  private resubscribeTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly signer: CheckpointSigner,
    private readonly upcasters: Upcasters,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly readAllScanLimit: number,
  ) {}

  /** Connects and checks that the server answers; fails fast with a clear message when it does not. */
  static async create(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const scanLimit = options.readAllScanLimit ?? DEFAULT_READ_ALL_SCAN_LIMIT;
    if (!Number.isSafeInteger(scanLimit) || scanLimit < 1)
      throw new RangeError(`readAllScanLimit must be a whole number from 1, not ${scanLimit}`);
    const where = redactConnectionString(options.connectionString);
    const reasonOf = (error: unknown): string =>
      redactPassword(error instanceof Error ? error.message : String(error), options.connectionString);
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(toClientConnectionString(options.connectionString));
    } catch (error) {
      // eslint-disable-next-line preserve-caught-error -- the client's ParseError quotes the whole connection string, password included
      throw new Error(`Invalid KurrentDB connection string ${where}: ${reasonOf(error)}`);
    }
    const store = new EventStoreDbEventStore(
      client,
      options.signer,
      options.upcasters ?? new Upcasters(),
      options.clock ?? systemClock,
      options.ids ?? uuidV7Ids,
      scanLimit,
    );
    try {
      await store.ping();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw new Error(`Cannot reach KurrentDB at ${where}: ${reasonOf(error)}`, { cause: error });
    }
    return store;
  }

  // -------------------------------------------------------------------------------------------
  // Appending and reading streams
  // -------------------------------------------------------------------------------------------

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    this.assertOpen();
    if (events.length === 0) throw new InvalidEventError(`No events to append to ${streamId}`);
    parseStreamName(streamId);
    // Ids are fixed once, so that a retried ANY append sends the same events.
    const withIds = events.map((event) => ({ ...event, id: event.id ?? this.ids.next() }));

    for (let attempt = 1; ; attempt += 1) {
      const tip = await this.readTip(streamId);
      const plan = planAppend(streamId, expectedVersion, tip);
      const chained = chainEvents(prepareEvents(streamId, withIds, plan.currentVersion, this.ids), plan.previousHash);
      let conflict: WrongExpectedVersionError | null = null;
      try {
        const result = await this.client.appendToStream(streamId, chained.map(toEventData), {
          expectedRevision: plan.expectedRevision,
        });
        // Only with `throwOnAppendFailure=false` in the connection string; its revision is unreliable in client 6.2.1.
        if (!result.success)
          conflict = new WrongExpectedVersionError(undefined, {
            streamName: streamId,
            expected: plan.expectedRevision,
            current: (await this.readTip(streamId))?.revision ?? 'no_stream',
          });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        conflict = error;
      }
      if (conflict) {
        if (expectedVersion !== ANY || attempt >= ANY_APPEND_ATTEMPTS)
          throw toConcurrencyError(streamId, expectedVersion, conflict);
        // Writers that collided would collide again in lock step: spread their retries a little.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        continue;
      }

      const recorded = await this.readAppended(
        streamId,
        plan.currentVersion,
        chained.map((event) => event.content.id),
      );
      this.notifyListeners();
      return { nextExpectedVersion: plan.currentVersion + chained.length, events: recorded };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const { toVersion, toInstant } = options;
    if (toVersion !== undefined && toVersion < 1) return [];
    // Versions rise by one from 1, so the first `toVersion` events hold every event up to that version.
    const raw = await this.readStreamRaw(streamId, {
      fromRevision: CLIENT_START,
      direction: FORWARDS,
      ...(toVersion === undefined ? {} : { maxCount: toVersion }),
    });
    return raw
      .map(decodeStoredEvent)
      .filter(
        (event) =>
          (toVersion === undefined || event.streamVersion <= toVersion) &&
          (toInstant === undefined || event.recordedAt.getTime() <= toInstant.getTime()),
      )
      .map((event) => toRecordedEvent(event, this.upcasters));
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    const [last] = await this.readStreamRaw(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: 1 });
    return last ? versionForRevision(last.revision) : 0;
  }

  // -------------------------------------------------------------------------------------------
  // Reading $all
  // -------------------------------------------------------------------------------------------

  async readAll(options: ReadAllOptions): Promise<ReadAllBatch> {
    this.assertOpen();
    const { after, batchSize } = options;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be a whole number from 1, not ${batchSize}`);
    const selected = allStreamSelector({ tenantId: options.tenantId, eventTypes: options.eventTypes });
    const events: RecordedEvent[] = [];
    let position = after;
    let scanned = 0;

    // @eventstore/db-client 6 cannot send a filter with a read of $all (its readAll always sends
    // "no filter"; filtered reads arrived in @kurrent/kurrentdb-client), and a filtered catch-up
    // subscription cannot say reliably where a bounded read ends. So $all is read page by page and
    // selected here; `position` advances past skipped events too.
    for (let pageNumber = 0; ; pageNumber += 1) {
      const pageSize = scanPageSize(batchSize, pageNumber);
      const page = await this.readAllPage(position, pageSize);
      for (const raw of page) {
        if (!isAfter(toGlobalPosition(raw.position, raw.id), position)) continue;
        position = toGlobalPosition(raw.position, raw.id);
        scanned += 1;
        if (selected(raw.streamId, raw.type) && isOurs(raw.streamId)) {
          events.push(toRecordedEvent(decodeStoredEvent(raw), this.upcasters));
          if (events.length === batchSize) return { events, position, caughtUp: false };
        }
      }
      if (page.length < pageSize) return { events, position, caughtUp: true };
      if (scanned >= this.readAllScanLimit) return { events, position, caughtUp: false };
    }
  }

  watchAppends(listener: () => void): () => void {
    this.assertOpen();
    const entry = (): void => listener();
    this.listeners.add(entry);
    if (this.listeners.size === 1) this.startSubscription();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.listeners.delete(entry);
      if (this.listeners.size === 0) this.stopSubscription();
    };
  }

  // -------------------------------------------------------------------------------------------
  // Tamper evidence
  // -------------------------------------------------------------------------------------------

  async verifyStream(streamId: string): Promise<StreamVerification> {
    this.assertOpen();
    return this.verifyStreamAgainst(streamId, null);
  }

  async verifyTenant(tenantId: string): Promise<TenantVerification> {
    this.assertOpen();
    const streams = await this.tenantStreams(tenantId);
    let eventsChecked = 0;
    for (const [streamId, highestRevision] of streams) {
      const verification = await this.verifyStreamAgainst(streamId, highestRevision);
      eventsChecked += verification.eventsChecked;
      if (verification.brokenLink)
        return {
          tenantId,
          valid: false,
          streamsChecked: streams.size,
          eventsChecked,
          brokenLink: verification.brokenLink,
        };
    }
    return { tenantId, valid: true, streamsChecked: streams.size, eventsChecked, brokenLink: null };
  }

  async exportTenantCheckpoint(tenantId: string): Promise<TenantCheckpoint> {
    this.assertOpen();
    const heads: StreamHead[] = [];
    for (const streamId of (await this.tenantStreams(tenantId)).keys()) {
      const [last] = await this.readStreamRaw(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: 1 });
      if (!last) continue;
      const stored = decodeStoredEvent(last);
      heads.push({ streamId, version: stored.streamVersion, hash: stored.hash });
    }
    return this.signer.sign(tenantId, heads, this.clock.now());
  }

  async checkTenantCheckpoint(checkpoint: TenantCheckpoint): Promise<CheckpointCheck> {
    this.assertOpen();
    const { digestValid, signatureValid } = this.signer.checkSignature(checkpoint);
    const mismatches: { streamId: string; version: number; detail: string }[] = [];
    for (const head of checkpoint.heads) {
      const mismatch = (detail: string): void => {
        mismatches.push({ streamId: head.streamId, version: head.version, detail });
      };
      let tenantId: string;
      try {
        tenantId = parseStreamName(head.streamId).tenantId;
      } catch {
        mismatch(`"${head.streamId}" is not a stream name`);
        continue;
      }
      if (tenantId !== checkpoint.tenantId) {
        mismatch(`stream ${head.streamId} belongs to tenant ${tenantId}, not ${checkpoint.tenantId}`);
        continue;
      }
      if (!Number.isSafeInteger(head.version) || head.version < 1) {
        mismatch(`version ${head.version} is not a stream version`);
        continue;
      }
      const raw = await this.readStreamRaw(head.streamId, {
        fromRevision: CLIENT_START,
        direction: FORWARDS,
        maxCount: head.version,
      });
      const verification = verifyStored(head.streamId, raw, { checkpointHead: head });
      if (!verification.valid) mismatch(verification.brokenLink?.detail ?? 'the stream no longer holds this head');
    }
    return { valid: digestValid && signatureValid && mismatches.length === 0, digestValid, signatureValid, mismatches };
  }

  // -------------------------------------------------------------------------------------------
  // Life cycle
  // -------------------------------------------------------------------------------------------

  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      deadline: PING_DEADLINE_MS,
    });
    // One event at most: the round trip is what counts.
    for await (const resolved of read) void resolved;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    const subscription = this.subscription;
    this.subscription = null;
    if (this.resubscribeTimer) clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = null;
    if (subscription) await subscription.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }

  // -------------------------------------------------------------------------------------------
  // Internals
  // -------------------------------------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw new Error('The KurrentDB event store is closed');
  }

  /** A stream's events in the requested window; an unknown, soft-deleted or tombstoned stream reads as none. */
  private async readStreamRaw(
    streamId: string,
    options: {
      readonly fromRevision: ReadRevision;
      readonly direction: typeof FORWARDS | typeof BACKWARDS;
      readonly maxCount?: number;
    },
  ): Promise<RawKurrentEvent[]> {
    const events: RawKurrentEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, options)) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw error;
    }
    return events;
  }

  private async readTip(streamId: string): Promise<StreamTip | null> {
    const [last] = await this.readStreamRaw(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: 1 });
    if (!last) return null;
    return { revision: last.revision, hash: decodeStoredEvent(last).hash };
  }

  /** Reads back what an append wrote, for the positions and timestamps only the server knows. */
  private async readAppended(
    streamId: string,
    versionBefore: number,
    ids: readonly string[],
  ): Promise<RecordedEvent[]> {
    const raw = await this.readStreamRaw(streamId, {
      fromRevision: revisionForVersion(versionBefore + 1),
      direction: FORWARDS,
      maxCount: ids.length,
    });
    const stored = raw.map(decodeStoredEvent);
    if (stored.length !== ids.length || stored.some((event, index) => event.id !== ids[index])) {
      throw new Error(
        `Appended ${ids.length} event(s) to ${streamId} at version ${versionBefore + 1}, but reading them back found ${stored.map((event) => event.id).join(', ') || 'nothing'}`,
      );
    }
    return stored.map((event) => toRecordedEvent(event, null));
  }

  private async readAllPage(after: ReadAllOptions['after'], pageSize: number): Promise<RawKurrentEvent[]> {
    const fromPosition: ReadPosition = readAllStart(after);
    const events: RawKurrentEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition, direction: FORWARDS, maxCount: pageSize })) {
      if (resolved.event) events.push(resolved.event);
    }
    return events;
  }

  /**
   * The tenant's streams in id order, each with the highest revision `$all` shows for it. `$all`
   * keeps events a stream no longer shows (soft deletion, truncation) until a scavenge, so this
   * also reveals streams that lost events at their end or altogether.
   */
  private async tenantStreams(tenantId: string): Promise<Map<string, bigint>> {
    const pattern = new RegExp(tenantStreamRegex(tenantId));
    const highest = new Map<string, bigint>();
    for await (const resolved of this.client.readAll({ fromPosition: CLIENT_START, direction: FORWARDS })) {
      const event = resolved.event;
      if (!event || isSystemEvent(event.streamId, event.type) || !pattern.test(event.streamId)) continue;
      const seen = highest.get(event.streamId);
      if (seen === undefined || event.revision > seen) highest.set(event.streamId, event.revision);
    }
    return new Map([...highest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private async verifyStreamAgainst(streamId: string, highestRevisionSeen: bigint | null): Promise<StreamVerification> {
    const raw = await this.readStreamRaw(streamId, { fromRevision: CLIENT_START, direction: FORWARDS });
    return verifyStored(streamId, raw, { highestRevisionSeen });
  }

  private notifyListeners(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A hint for one listener must not keep it from the others.
      }
    }
  }

  private startSubscription(): void {
    if (this.closed || this.subscription || this.listeners.size === 0) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.subscription = subscription;
    subscription.on('data', () => this.notifyListeners());
    subscription.on('error', () => {
      // Dropped (server restart, leader change): appends stay readable, and readers also poll; resubscribe shortly.
      if (this.subscription !== subscription) return;
      this.subscription = null;
      this.resubscribeTimer = setTimeout(() => {
        this.resubscribeTimer = null;
        this.startSubscription();
      }, RESUBSCRIBE_DELAY_MS);
      this.resubscribeTimer.unref();
    });
  }

  private stopSubscription(): void {
    if (this.resubscribeTimer) clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) void subscription.unsubscribe().catch(() => undefined);
  }
}

/** Our stream names only: events of other applications sharing the server are not ours to return. */
function isOurs(streamId: string): boolean {
  try {
    parseStreamName(streamId);
    return true;
  } catch {
    return false;
  }
}
