import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  START as CLIENT_START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamSubscription,
  type Direction,
  type Filter,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidEventError } from '../errors.js';
import type { GlobalPosition, NewEvent, RecordedEvent } from '../event.js';
import {
  ANY,
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
import { prepareEvents, uuidV7Ids } from '../new-events.js';
import type { Clock, IdGenerator } from '../ports.js';
import { readStreamStartsAfter } from '../read-stream-start.js';
import { parseStreamName } from '../stream-name.js';
import {
  type BrokenLink,
  type CheckpointCheck,
  type CheckpointSigner,
  type StreamHead,
  type StreamVerification,
  type TenantCheckpoint,
  type TenantVerification,
} from '../tamper-evidence.js';
import { Upcasters } from '../upcasting.js';
import {
  allStreamFilter,
  appendedVersions,
  assertAppendList,
  decodeStoredEvent,
  endOfReadPosition,
  isAfter,
  isSystemEvent,
  multiStreamAppendRefusal,
  multiStreamConcurrencyError,
  newestSelectedEvent,
  ourEventSelector,
  planStreamAppend,
  readAllStart,
  redactConnectionString,
  redactPassword,
  revisionForVersion,
  scanPageSize,
  tenantStreamRegex,
  toAppendStreamRequests,
  toClientConnectionString,
  toGlobalPosition,
  toRecordedEvent,
  versionForRevision,
  verifyStored,
  type PlannedAppend,
  type RawKurrentEvent,
  type StreamTip,
} from './eventstoredb-mapping.js';

export interface EventStoreDbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false`, `kurrentdb+discover://…`; `esdb://` (and `kurrent://`, `kdb://`) are synonyms. */
  readonly connectionString: string;
  readonly signer: CheckpointSigner;
  readonly upcasters?: Upcasters;
  readonly clock?: Clock;
  /** UUIDv7 generator for events appended without an id. */
  readonly ids?: IdGenerator;
  /**
   * At most this many `$all` events that KurrentDB's filter let through are scanned here by one
   * readAll call that selects further (by event type within a tenant, or leaving out streams that
   * are not ours); past it the call returns what it found with `caughtUp: false` and a position
   * past everything scanned, so a reader advances without one call running unbounded. Default 100 000.
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

/** `work`, or an error once PING_DEADLINE_MS have passed without its answer. */
async function withinDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`KurrentDB did not answer within ${PING_DEADLINE_MS} ms`)),
      PING_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The client finds out what the server is, with the version it reports, once per client
 * (`GetSupportedMethods`) and keeps it behind its `capabilities` getter, which it uses for its own
 * feature checks. The getter is protected in the client's types, so it is reached through this
 * narrow view; a unit test checks that the client still has it.
 */
interface WithServerFeatures {
  readonly capabilities: Promise<{ readonly serverVersion: string }>;
}

async function reportedServerVersion(client: KurrentDBClient): Promise<string> {
  const features = await (client as unknown as WithServerFeatures).capabilities;
  return features.serverVersion;
}

/**
 * The EventStore port on KurrentDB 25.1 or later through `@kurrent/kurrentdb-client` 1.3.
 *
 * - Stream ids are KurrentDB stream names 1:1 (`<category>-<tenant>.<entity>`, so `$by_category`
 *   and `$ce-<category>` work). Stream version = KurrentDB revision + 1.
 * - Every append, single-stream ones included, is one multi-stream append (`multiStreamAppend`,
 *   KurrentDB's append session): all its events commit in one transaction or none does. Each
 *   stream is sent with an exact expected revision (ANY reads the tip first and retries on a
 *   conflict), because each event's hash covers its stream version and the previous event's hash;
 *   a stream whose tip already contradicts its expectation refuses the append before anything is sent.
 * - The KurrentDB event keeps our data as its data, and our metadata, schema version and chain
 *   link in its metadata (see `EventEnvelope`); events written by earlier versions of this adapter
 *   (nested JSON metadata) read and verify the same.
 * - `$all` is read with catch-up reads only (never persistent subscriptions, which do not keep
 *   order), filtered on the server (by tenant or event type). KurrentDB gives an event its log
 *   position when it commits, so reading `$all` in position order never skips an event that
 *   commits late: the port's gap-free guarantee holds as is.
 * - create() refuses a server older than 25.1, which has no multi-stream append.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly listeners = new Set<() => void>();
  private subscription: AllStreamSubscription | null = null;
  private resubscribeTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly signer: CheckpointSigner,
    private readonly upcasters: Upcasters,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly readAllScanLimit: number,
  ) {}

  /**
   * Connects, checks that the server answers and that it has multi-stream append (KurrentDB 25.1
   * or later); fails fast with a one-line message when it does not.
   */
  static async create(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const scanLimit = options.readAllScanLimit ?? DEFAULT_READ_ALL_SCAN_LIMIT;
    if (!Number.isSafeInteger(scanLimit) || scanLimit < 1)
      throw new RangeError(`readAllScanLimit must be a whole number from 1, not ${scanLimit}`);
    const where = redactConnectionString(options.connectionString);
    const reasonOf = (error: unknown): string =>
      redactPassword(error instanceof Error ? error.message : String(error), options.connectionString);
    let client: KurrentDBClient;
    try {
      client = KurrentDBClient.connectionString(toClientConnectionString(options.connectionString));
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
    let serverVersion: string;
    try {
      // The version first: it goes through gRPC, whose errors say why a server cannot be reached.
      serverVersion = await withinDeadline(reportedServerVersion(client));
      await store.ping();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw new Error(`Cannot reach KurrentDB at ${where}: ${reasonOf(error)}`, { cause: error });
    }
    const refusal = multiStreamAppendRefusal(serverVersion, where);
    if (refusal !== null) {
      await client.dispose().catch(() => undefined);
      throw new Error(refusal);
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
    const withIds = this.withIds(events);

    for (let attempt = 1; ; attempt += 1) {
      try {
        const [result] = await this.appendAtomically([{ streamId, events: withIds, expectedVersion }]);
        if (!result) throw new Error(`No result for the append to ${streamId}`);
        return result;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (expectedVersion !== ANY || attempt >= ANY_APPEND_ATTEMPTS)
          throw new ConcurrencyError(streamId, expectedVersion, error.actual);
        // Writers that collided would collide again in lock step: spread their retries a little.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  async appendStreams(appends: readonly StreamAppend[]): Promise<readonly AppendResult[]> {
    this.assertOpen();
    assertAppendList(appends);
    const withIds = appends.map((append) => ({ ...append, events: this.withIds(append.events) }));
    // Every event is checked before anything is read or written (again, with its stream version, below).
    for (const { streamId, events } of withIds) prepareEvents(streamId, events, 0, this.ids);
    return this.appendAtomically(withIds);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const afterVersion = readStreamStartsAfter(options);
    const { toVersion, toInstant } = options;
    if (toVersion !== undefined && toVersion <= afterVersion) return [];
    // Versions rise by one from 1: the event after `afterVersion` has revision `afterVersion`, and
    // the `toVersion - afterVersion` events from there hold every event up to `toVersion`.
    const raw = await this.readStreamRaw(streamId, {
      fromRevision: revisionForVersion(afterVersion + 1),
      direction: FORWARDS,
      ...(toVersion === undefined ? {} : { maxCount: toVersion - afterVersion }),
    });
    return raw
      .map(decodeStoredEvent)
      .filter(
        (event) =>
          event.streamVersion > afterVersion &&
          (toVersion === undefined || event.streamVersion <= toVersion) &&
          (toInstant === undefined || event.recordedAt.getTime() <= toInstant.getTime()),
      )
      .map((event) => toRecordedEvent(event, options.asStored === true ? null : this.upcasters));
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
    const selection = { tenantId: options.tenantId, eventTypes: options.eventTypes };
    // Read before the filtered read starts: see endOfReadPosition.
    const head = await this.headPosition();
    if (selection.eventTypes?.length === 0)
      return { events: [], position: endOfReadPosition(after, head), caughtUp: true };
    const filter = allStreamFilter(selection);
    const selected = ourEventSelector(selection);
    const events: RecordedEvent[] = [];
    let position = after;
    let scanned = 0;

    // KurrentDB filters on stream names or on event types, and returns only the events that pass;
    // what it cannot select (event types within a tenant, streams that are not ours) is selected
    // here, page by page, and `position` advances past skipped events too.
    for (let pageNumber = 0; ; pageNumber += 1) {
      const pageSize = scanPageSize(batchSize, pageNumber);
      const page = await this.readAllPage(readAllStart(position), FORWARDS, pageSize, filter);
      for (const raw of page) {
        if (!isAfter(toGlobalPosition(raw.position, raw.id), position)) continue;
        position = toGlobalPosition(raw.position, raw.id);
        scanned += 1;
        if (selected(raw)) {
          events.push(toRecordedEvent(decodeStoredEvent(raw), this.upcasters));
          if (events.length === batchSize) return { events, position, caughtUp: false };
        }
      }
      // A filtered read stops short of its count only at the end of $all.
      if (page.length < pageSize) return { events, position: endOfReadPosition(position, head), caughtUp: true };
      if (scanned >= this.readAllScanLimit) return { events, position, caughtUp: false };
    }
  }

  /**
   * Reads `$all` backwards from its end until an event matches. KurrentDB keeps no index by tenant
   * or by type that a client can read, so a filter that matches nothing recent (a tenant without
   * events, say) reads far back, all of `$all` when nothing matches.
   */
  async newestEvent(filter: EventFilter): Promise<EventAtPosition | null> {
    this.assertOpen();
    if (filter.eventTypes?.length === 0) return null;
    const serverFilter = allStreamFilter(filter);
    return newestSelectedEvent(
      (fromPosition, maxCount) => this.readAllPage(fromPosition, BACKWARDS, maxCount, serverFilter),
      ourEventSelector(filter),
    );
  }

  /** Scans `$all` from its start, filtered on the server (see allStreamFilter): the cost grows with the whole log. */
  async countEvents(filter: EventFilter): Promise<number> {
    this.assertOpen();
    if (filter.eventTypes?.length === 0) return 0;
    const selected = ourEventSelector(filter);
    let count = 0;
    for await (const resolved of this.client.readAll({
      fromPosition: CLIENT_START,
      direction: FORWARDS,
      filter: allStreamFilter(filter),
    })) {
      if (resolved.event && selected(resolved.event)) count += 1;
    }
    return count;
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
    const brokenLinks: BrokenLink[] = [];
    for (const [streamId, highestRevision] of streams) {
      const verification = await this.verifyStreamAgainst(streamId, highestRevision);
      eventsChecked += verification.eventsChecked;
      if (verification.brokenLink) brokenLinks.push(verification.brokenLink);
    }
    return {
      tenantId,
      valid: brokenLinks.length === 0,
      streamsChecked: streams.size,
      eventsChecked,
      brokenLink: brokenLinks[0] ?? null,
      brokenLinks,
    };
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
    // One event at most: the round trip is what counts. Reads go through the client's native
    // bridge, which takes no deadline: the wait is bounded here.
    await withinDeadline(this.headPosition());
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

  /** Each event with its id, given or new, so that whatever is sent again carries the same ids. */
  private withIds(events: readonly NewEvent[]): NewEvent[] {
    return events.map((event) => ({ ...event, id: event.id ?? this.ids.next() }));
  }

  /**
   * One multi-stream append of every stream given, each planned against its tip as just read:
   * all events commit together or none does. A stream whose tip already contradicts its
   * expectation refuses the append before anything is sent; one that moves in between makes
   * KurrentDB refuse it, naming the stream. Either way a ConcurrencyError names that stream.
   */
  private async appendAtomically(
    appends: readonly { streamId: string; events: readonly NewEvent[]; expectedVersion: ExpectedVersion }[],
  ): Promise<AppendResult[]> {
    const tips = await Promise.all(appends.map(({ streamId }) => this.readTip(streamId)));
    const planned: PlannedAppend[] = appends.map(({ streamId, events, expectedVersion }, index) =>
      planStreamAppend(streamId, events, expectedVersion, tips[index] ?? null, this.ids),
    );
    let versions: number[];
    try {
      versions = appendedVersions(planned, await this.client.multiStreamAppend(toAppendStreamRequests(planned)));
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw multiStreamConcurrencyError(planned, error);
      throw error;
    }
    const results = await Promise.all(
      planned.map(async ({ streamId, plan, events }, index) => ({
        nextExpectedVersion: versions[index] ?? plan.currentVersion + events.length,
        events: await this.readAppended(
          streamId,
          plan.currentVersion,
          events.map((event) => event.content.id),
        ),
      })),
    );
    this.notifyListeners();
    return results;
  }

  /** The position of the last event in `$all` (KurrentDB's own included); null while it is empty. */
  private async headPosition(): Promise<GlobalPosition | null> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) {
      if (resolved.event) return toGlobalPosition(resolved.event.position, resolved.event.id);
    }
    return null;
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

  private async readAllPage(
    fromPosition: ReadPosition,
    direction: Direction,
    maxCount: number,
    filter: Filter,
  ): Promise<RawKurrentEvent[]> {
    const events: RawKurrentEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition, direction, maxCount, filter })) {
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
    const filter = allStreamFilter({ tenantId });
    for await (const resolved of this.client.readAll({ fromPosition: CLIENT_START, direction: FORWARDS, filter })) {
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
