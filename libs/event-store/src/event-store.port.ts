import type { GlobalPosition, NewEvent, RecordedEvent } from './event.js';
import type { StreamVerification, TenantCheckpoint, TenantVerification, CheckpointCheck } from './tamper-evidence.js';

/** Append only if the stream does not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** Append whatever the stream's version. */
export const ANY = 'any' as const;
/**
 * A number is the stream's current version (the number of events in it): 0 means the stream
 * must not exist, like NO_STREAM.
 */
export type ExpectedVersion = number | typeof NO_STREAM | typeof ANY;

export interface AppendResult {
  /** The stream's version after the append: the ETag of the resource it holds. */
  readonly nextExpectedVersion: number;
  readonly events: readonly RecordedEvent[];
}

/** One stream's part of an atomic append to several streams. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  /** The stream's version now (0 or NO_STREAM: it must not exist). ANY has no place in a command. */
  readonly expectedVersion: number | typeof NO_STREAM;
}

export interface ReadStreamOptions {
  /**
   * Read the events after this stream version: 0 (the default) reads from the first event, 5 from
   * the sixth. A whole number from 0 (RangeError otherwise). Combines with the other options, e.g.
   * to fold the events after a snapshot's version that were recorded by an instant.
   */
  readonly afterVersion?: number;
  /** Read events up to and including this stream version. */
  readonly toVersion?: number;
  /** Read events recorded at or before this instant. */
  readonly toInstant?: Date;
  /**
   * The events as stored, not upcasted: exactly what each hash covers (an audit export that an
   * auditor re-hashes). False by default.
   */
  readonly asStored?: boolean;
}

/** Which events of the global log a read or a question is about. The filters are optional and combine. */
export interface EventFilter {
  /** Only the events of this tenant's streams. */
  readonly tenantId?: string;
  /** Only events of these types. An empty list selects no event. */
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions extends EventFilter {
  /** Exclusive: events after this position. START reads from the beginning. */
  readonly after: GlobalPosition;
  readonly batchSize: number;
}

/** An event named by its id, with its place in the global order. */
export interface EventAtPosition {
  readonly eventId: string;
  readonly globalPosition: GlobalPosition;
}

export interface ReadAllBatch {
  readonly events: readonly RecordedEvent[];
  /** Where the next read should start; past filtered-out events too. */
  readonly position: GlobalPosition;
  /** False when the read stopped at the batch size and more events may follow at once. */
  readonly caughtUp: boolean;
}

/**
 * The only thing the apps know of the event store. Two adapters implement it: PostgreSQL (default)
 * and EventStoreDB/KurrentDB, and one contract suite holds both to the same behaviour.
 */
export interface EventStore {
  /** All events commit atomically, or none does (ConcurrencyError when the expectation fails). */
  append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /**
   * One atomic append to several streams, each at its expected version: every event of every
   * stream commits together, or none does. A failed expectation on any one stream refuses the
   * whole append with a ConcurrencyError naming that stream. Results come in the order given.
   */
  appendStreams(appends: readonly StreamAppend[]): Promise<readonly AppendResult[]>;
  /** Upcasted to the newest schema version. An unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  /** The stream's current version; 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** Global order, gap-free: an event that commits late is never skipped. */
  readAll(options: ReadAllOptions): Promise<ReadAllBatch>;
  /**
   * The newest committed event the filter selects (e.g. a tenant's newest event of some types),
   * or null when it selects none: the position a reader of readAll (a subscription) must have
   * passed to have seen everything the filter selects so far (read-your-writes). PostgreSQL answers
   * from an index; KurrentDB reads `$all` backwards from its end until an event matches.
   */
  newestEvent(filter: EventFilter): Promise<EventAtPosition | null>;
  /**
   * How many committed events the filter selects (e.g. a tenant's events of some types: a rebuild's
   * total). PostgreSQL counts through an index of the tenant or of the types; KurrentDB has no such
   * index and scans `$all` (filtered on the server), so the cost grows with the whole log there.
   */
  countEvents(filter: EventFilter): Promise<number>;
  /**
   * Calls `listener` soon after new events may have become readable (in this process at once, from
   * other processes through the backing store's notifications). Returns the unsubscribe function.
   * A hint only: subscriptions also poll.
   */
  watchAppends(listener: () => void): () => void;

  verifyStream(streamId: string): Promise<StreamVerification>;
  verifyTenant(tenantId: string): Promise<TenantVerification>;
  /** The tenant's stream heads folded into one digest, signed with the configured key. */
  exportTenantCheckpoint(tenantId: string): Promise<TenantCheckpoint>;
  /** Checks an exported checkpoint's signature and that the log still holds every head it names. */
  checkTenantCheckpoint(checkpoint: TenantCheckpoint): Promise<CheckpointCheck>;

  /** Round trip to the backing store, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the EventStore port. */
export const EVENT_STORE = Symbol('EventStore');
