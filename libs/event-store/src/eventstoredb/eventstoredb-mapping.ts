/**
 * Pure mapping between our event store port and KurrentDB as seen through
 * `@kurrent/kurrentdb-client` 1.3: versions and revisions, log positions, the metadata envelope that
 * carries our metadata and hash chain, multi-stream append requests and their answers, server-side
 * filters for `$all`, the server version check, and error mapping.
 *
 * Nothing here does I/O, so every rule can be unit-tested without a server.
 */
import {
  END as CLIENT_END,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  NO_STREAM as CLIENT_NO_STREAM,
  START as CLIENT_START,
  streamNameFilter,
  type AppendStreamRequest,
  type CurrentStreamState,
  type EventData,
  type Filter,
  type MultiAppendResult,
  type Position,
  type ReadPosition,
  type WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidEventError } from '../errors.js';
import {
  EVENT_SOURCES,
  type EventMetadata,
  type GlobalPosition,
  type JsonObject,
  type JsonValue,
  type NewEvent,
  type RecordedEvent,
} from '../event.js';
import { ANY, NO_STREAM, type EventAtPosition, type ExpectedVersion, type StreamAppend } from '../event-store.port.js';
import { prepareEvents, type PreparedEvent } from '../new-events.js';
import type { IdGenerator } from '../ports.js';
import { comparePositions, formatPosition, START } from '../position.js';
import { parseStreamName } from '../stream-name.js';
import {
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type HashedEventContent,
  type StreamHead,
  type StreamVerification,
} from '../tamper-evidence.js';
import type { Upcasters } from '../upcasting.js';

// ---------------------------------------------------------------------------------------------
// Connection strings
// ---------------------------------------------------------------------------------------------

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * The client's own scheme for every scheme we accept: `kurrentdb://` (or `kurrentdb+discover://`).
 * The client still parses `esdb://` but warns on the console that it is deprecated, and older
 * deployments of ours were configured with it; `kurrent://` and `kdb://` are KurrentDB's other
 * spellings. Same grammar, so only the scheme changes.
 */
export function toClientConnectionString(connectionString: string): string {
  const match = SCHEME.exec(connectionString.trim());
  if (!match?.[1]) {
    throw new Error(
      'The KurrentDB connection string must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://',
    );
  }
  const scheme = match[1].toLowerCase();
  const rest = connectionString.trim().slice(match[0].length);
  switch (scheme) {
    case 'esdb':
    case 'kurrentdb':
    case 'kurrent':
    case 'kdb':
      return `kurrentdb://${rest}`;
    case 'esdb+discover':
    case 'kurrentdb+discover':
    case 'kurrent+discover':
    case 'kdb+discover':
      return `kurrentdb+discover://${rest}`;
    default:
      throw new Error(`Unsupported KurrentDB connection string scheme "${scheme}://" (use esdb:// or kurrentdb://)`);
  }
}

const USER_INFO = /^([^:]+:\/\/[^:@/]+):([^@/]*)@/;

/** The connection string without its password, for error messages and logs. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(USER_INFO, '$1:***@');
}

/** `text` (e.g. a client error message, which may quote the connection string) without the connection string's password. */
export function redactPassword(text: string, connectionString: string): string {
  const password = USER_INFO.exec(connectionString)?.[2];
  return password ? text.split(password).join('***') : text;
}

// ---------------------------------------------------------------------------------------------
// The server's version
// ---------------------------------------------------------------------------------------------

/** The first KurrentDB release whose multi-stream append (the v2 append session) client 1.3 speaks. */
export const MULTI_STREAM_APPEND_SINCE = { major: 25, minor: 1 } as const;

export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
}

/**
 * The major and minor version of what the server reports as its version (`25.1.0`, `24.10.0`,
 * `25.1.0-rc.1`); null when it is not a version at all (the client reports `unknown` when the
 * server has no server-features service).
 */
export function parseServerVersion(reported: string): ServerVersion | null {
  const match = /^v?(\d+)\.(\d+)(?:[.\-+]|$)/.exec(reported.trim());
  if (!match?.[1] || !match[2]) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function supportsMultiStreamAppend(version: ServerVersion): boolean {
  const since = MULTI_STREAM_APPEND_SINCE;
  return version.major > since.major || (version.major === since.major && version.minor >= since.minor);
}

/**
 * Why this adapter cannot run against a server reporting `reported` as its version, in one line,
 * or null when it can. Every append goes through multi-stream append, so an older server is refused
 * when the store is created rather than at the first append. `where` is the redacted connection string.
 */
export function multiStreamAppendRefusal(reported: string, where: string): string | null {
  const version = parseServerVersion(reported);
  if (version && supportsMultiStreamAppend(version)) return null;
  const needs = `Due Regard needs ${MULTI_STREAM_APPEND_SINCE.major}.${MULTI_STREAM_APPEND_SINCE.minor} or later for atomic multi-stream appends`;
  const text = reported.trim();
  if (version) return `KurrentDB at ${where} is version ${text}; ${needs}`;
  if (text === '' || text.toLowerCase() === 'unknown')
    return `KurrentDB at ${where} does not say which version it is (servers before 21.10 do not); ${needs}`;
  return `KurrentDB at ${where} reports its version as "${text}", which is no version number; ${needs}`;
}

// ---------------------------------------------------------------------------------------------
// Versions and revisions
// ---------------------------------------------------------------------------------------------

/**
 * Our stream version counts events (the first event has version 1); a KurrentDB revision is the
 * zero-based index of an event in its stream. So revision = version - 1.
 */
export function revisionForVersion(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new RangeError(`Stream version ${version} has no KurrentDB revision (versions start at 1)`);
  }
  return BigInt(version - 1);
}

/** The stream version whose last event has this revision; `no_stream` (no event yet) is 0. */
export function versionForRevision(revision: CurrentStreamState): number {
  if (revision === CLIENT_NO_STREAM) return 0;
  if (revision < 0n) return 0;
  const version = revision + 1n;
  if (version > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`KurrentDB revision ${revision} is beyond a safe stream version`);
  return Number(version);
}

/** What KurrentDB checks before it appends: an exact revision, or that the stream does not exist. */
export type ExactExpectedRevision = bigint | typeof CLIENT_NO_STREAM;

/**
 * The exact expectation for a numeric expected version or NO_STREAM: N > 0 → revision N - 1;
 * 0 and NO_STREAM → the client's NO_STREAM. (ANY has no exact expectation of its own: see planAppend.)
 */
export function expectedRevisionFor(expected: number | typeof NO_STREAM): ExactExpectedRevision {
  if (expected === NO_STREAM || expected === 0) return CLIENT_NO_STREAM;
  assertVersionNumber(expected);
  return revisionForVersion(expected);
}

function assertVersionNumber(expected: number): void {
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidEventError(
      `Expected version ${expected} is not a stream version (a whole number from 0), NO_STREAM or ANY`,
    );
  }
}

/** The last event of a stream as far as appending is concerned. */
export interface StreamTip {
  readonly revision: bigint;
  /** Hash of the stream's last event: the next event chains from it. */
  readonly hash: string;
}

export interface AppendPlan {
  /** Sent to KurrentDB: it refuses the append unless the stream is still exactly there. */
  readonly expectedRevision: ExactExpectedRevision;
  /** The stream's version before the append: the new events get currentVersion + 1, + 2, … */
  readonly currentVersion: number;
  readonly previousHash: string;
}

/**
 * Decides how to append given the stream's tip as just read. Every append is sent with an exact
 * revision, ANY included, because each event's hash covers its stream version and chains from the
 * previous event's hash: both must be known before writing, and KurrentDB must refuse the write if
 * the stream moved in between. Throws ConcurrencyError when the tip already contradicts `expected`.
 */
export function planAppend(streamId: string, expected: ExpectedVersion, tip: StreamTip | null): AppendPlan {
  const currentVersion = tip ? versionForRevision(tip.revision) : 0;
  if (expected !== ANY && expected !== NO_STREAM) assertVersionNumber(expected);
  const wanted = expected === NO_STREAM ? 0 : expected;
  if (wanted !== ANY && wanted !== currentVersion) throw new ConcurrencyError(streamId, expected, currentVersion);
  return tip
    ? { expectedRevision: tip.revision, currentVersion, previousHash: tip.hash }
    : { expectedRevision: CLIENT_NO_STREAM, currentVersion: 0, previousHash: GENESIS_HASH };
}

/** KurrentDB's WrongExpectedVersionError in our terms: the actual version is its actual revision + 1, 0 for no stream. */
export function toConcurrencyError(
  streamId: string,
  expected: ExpectedVersion,
  error: Pick<WrongExpectedVersionError, 'actualState'>,
): ConcurrencyError {
  return new ConcurrencyError(streamId, expected, versionForRevision(error.actualState));
}

// ---------------------------------------------------------------------------------------------
// Appending: one multi-stream append per call, single-stream appends included
// ---------------------------------------------------------------------------------------------

/**
 * Checks the list of an appendStreams call before anything is read or written: not empty, each
 * stream once, each expectation a version or NO_STREAM. KurrentDB refuses a multi-stream append
 * that names a stream twice ignoring case, so streams that differ only in case are refused here,
 * with the same error, rather than by the server.
 */
export function assertAppendList(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new InvalidEventError('No streams to append to');
  const seen = new Map<string, string>();
  for (const { streamId, expectedVersion } of appends) {
    const key = streamId.toLowerCase();
    const earlier = seen.get(key);
    if (earlier === streamId) throw new InvalidEventError(`Stream ${streamId} appears twice in one append`);
    if (earlier !== undefined)
      throw new InvalidEventError(
        `Streams ${earlier} and ${streamId} differ only in case, and KurrentDB takes them for one stream in a multi-stream append`,
      );
    seen.set(key, streamId);
    if ((expectedVersion as ExpectedVersion) === ANY)
      throw new InvalidEventError(`Stream ${streamId}: ANY has no place in a multi-stream append`);
  }
}

/** One stream's part of a multi-stream append, ready to send: planned against its tip, prepared and chained. */
export interface PlannedAppend {
  readonly streamId: string;
  /** As the caller gave it: what a ConcurrencyError reports. */
  readonly expectedVersion: ExpectedVersion;
  readonly plan: AppendPlan;
  readonly events: readonly ChainedEvent[];
}

/**
 * Plans one stream's part of an append from its tip as just read: the exact expected revision
 * (planAppend; ConcurrencyError when the tip already contradicts the expectation), the stream
 * versions, and the hash chain continued from the tip's hash. `events` should carry their ids, so
 * that a retried ANY append sends the same events.
 */
export function planStreamAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
  tip: StreamTip | null,
  ids: IdGenerator,
): PlannedAppend {
  const plan = planAppend(streamId, expectedVersion, tip);
  const chained = chainEvents(prepareEvents(streamId, events, plan.currentVersion, ids), plan.previousHash);
  return { streamId, expectedVersion, plan, events: chained };
}

/**
 * The client's multiStreamAppend requests, in the order given: each stream with its exact expected
 * revision (a revision, or NO_STREAM) and its events. KurrentDB writes them as one transaction.
 */
export function toAppendStreamRequests(planned: readonly PlannedAppend[]): AppendStreamRequest[] {
  return planned.map(({ streamId, plan, events }) => ({
    streamName: streamId,
    expectedState: plan.expectedRevision,
    events: events.map(toEventData),
  }));
}

/**
 * Each stream's version after a successful multi-stream append, in the order given. KurrentDB
 * answers with the revision of each stream's last event; with exact expectations it can only be
 * the planned one, so any other answer is an error, not a result.
 */
export function appendedVersions(planned: readonly PlannedAppend[], result: MultiAppendResult): number[] {
  return planned.map(({ streamId, plan, events }) => {
    const wanted = plan.currentVersion + events.length;
    const answers = result.responses.filter((response) => response.streamName === streamId);
    const [answer] = answers;
    if (answers.length !== 1 || answer === undefined) {
      throw new Error(
        `KurrentDB answered a multi-stream append with ${answers.length} result(s) for ${streamId} instead of one`,
      );
    }
    const version = versionForRevision(answer.revision);
    if (version !== wanted) {
      throw new Error(
        `KurrentDB appended to ${streamId} up to revision ${answer.revision} (version ${version}), not to version ${wanted} as planned`,
      );
    }
    return wanted;
  });
}

/**
 * A refused multi-stream append in our terms. KurrentDB refuses the whole append when one
 * stream's expectation fails and names that stream (the first one that failed, in its
 * WrongExpectedVersionError's `streamName`); the ConcurrencyError names it too, with the caller's
 * expectation and the stream's actual version. An error naming no stream of the append is no
 * concurrency error of ours and is returned as a plain Error.
 */
export function multiStreamConcurrencyError(
  planned: readonly Pick<PlannedAppend, 'streamId' | 'expectedVersion'>[],
  error: Pick<WrongExpectedVersionError, 'streamName' | 'actualState'>,
): ConcurrencyError | Error {
  const refused =
    planned.find(({ streamId }) => streamId === error.streamName) ??
    planned.find(({ streamId }) => streamId.toLowerCase() === error.streamName.toLowerCase());
  if (!refused) {
    return new Error(
      `KurrentDB refused a multi-stream append for a wrong expected revision of "${error.streamName}", which the append does not name`,
    );
  }
  return toConcurrencyError(refused.streamId, refused.expectedVersion, error);
}

// ---------------------------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------------------------

/** A KurrentDB log position as our GlobalPosition (both are {commit, prepare} bigints, same order). */
export function toGlobalPosition(position: Position | undefined, eventId: string): GlobalPosition {
  if (!position) {
    throw new Error(
      `KurrentDB returned event ${eventId} without its log position (servers before 22.6 do not send it on stream reads)`,
    );
  }
  return { commit: position.commit, prepare: position.prepare };
}

/**
 * Where a forwards read of `$all` starts for "events after `after`". KurrentDB reads from a
 * position inclusively, so the caller must still drop events at or before `after` (isAfter).
 */
export function readAllStart(after: GlobalPosition): ReadPosition {
  if (comparePositions(after, START) === 0) return CLIENT_START;
  return { commit: after.commit, prepare: after.prepare };
}

export function isAfter(position: GlobalPosition, after: GlobalPosition): boolean {
  return comparePositions(position, after) > 0;
}

/**
 * Raw events fetched by the `pageNumber`-th round trip (from 0) of one readAll call that wants
 * `batchSize` selected events: the batch size and the event at `after` (reads are inclusive) at
 * first, so that an unfiltered read wastes nothing, then doubling, up to 4096, while filters skip events.
 */
export function scanPageSize(batchSize: number, pageNumber: number): number {
  const first = Math.min(Math.max(batchSize + 1, 16), 4096);
  return Math.min(first * 2 ** Math.min(pageNumber, 12), 4096);
}

// ---------------------------------------------------------------------------------------------
// Selecting events of `$all`
// ---------------------------------------------------------------------------------------------

/** KurrentDB's own events: `$`-prefixed streams (`$$…` metadata, `$stats-…`, projections) or types (`$>` links, `$metadata`, …). */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Regex (as the server-side `streamNameFilter` takes it) of a tenant's streams:
 * `<category>-<tenant>.<entity>`, the category being letters and digits from a lowercase letter
 * (so neither `-` nor the `$` of KurrentDB's own streams).
 */
export function tenantStreamRegex(tenantId: string): string {
  if (tenantId === '') throw new InvalidEventError('A tenant id is required to select its streams');
  return `^[a-z][A-Za-z0-9]*-${escapeRegex(tenantId)}\\.`;
}

/** Regex (as the server-side `eventTypeFilter` takes it) of exactly these event types. */
export function eventTypesRegex(eventTypes: readonly string[]): string {
  if (eventTypes.length === 0) throw new InvalidEventError('At least one event type is required to select by type');
  return `^(?:${eventTypes.map(escapeRegex).join('|')})$`;
}

export interface AllStreamSelection {
  readonly tenantId?: string | undefined;
  readonly eventTypes?: readonly string[] | undefined;
}

/**
 * Decides which events of `$all` a readAll returns: never system events, then the tenant's streams
 * and the wanted event types when given. An empty `eventTypes` list selects nothing.
 */
export function allStreamSelector(selection: AllStreamSelection): (streamId: string, type: string) => boolean {
  const tenant = selection.tenantId === undefined ? null : new RegExp(tenantStreamRegex(selection.tenantId));
  const types = selection.eventTypes === undefined ? null : new Set(selection.eventTypes);
  return (streamId, type) =>
    !isSystemEvent(streamId, type) && (tenant === null || tenant.test(streamId)) && (types === null || types.has(type));
}

/** Our stream names only: events of other applications sharing the server are not ours to return. */
export function isOurStream(streamId: string): boolean {
  try {
    parseStreamName(streamId);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides which raw events of `$all` a read or a question about the log takes: those
 * allStreamSelector selects, in streams named as ours (isOurStream).
 */
export function ourEventSelector(
  selection: AllStreamSelection,
): (raw: Pick<RawKurrentEvent, 'streamId' | 'type'>) => boolean {
  const selected = allStreamSelector(selection);
  return (raw) => selected(raw.streamId, raw.type) && isOurStream(raw.streamId);
}

/**
 * The server-side filter of a readAll: KurrentDB filters a read of `$all` on stream names or on
 * event types, not both. The tenant (stream names) wins when both are wanted, and the event types
 * are then selected here (allStreamSelector, which is applied to every event in any case); without
 * either, KurrentDB's own events are left out. An empty `eventTypes` list selects nothing and needs
 * no read at all (see readAll).
 */
export function allStreamFilter(selection: AllStreamSelection): Filter {
  if (selection.tenantId !== undefined) return streamNameFilter({ regex: tenantStreamRegex(selection.tenantId) });
  if (selection.eventTypes !== undefined && selection.eventTypes.length > 0)
    return eventTypeFilter({ regex: eventTypesRegex(selection.eventTypes) });
  return excludeSystemEvents();
}

/**
 * Where a readAll that reached the end of `$all` leaves its reader: past the last event it scanned,
 * and past `head`, the last event of `$all` read before the filtered read began. A filtered read
 * returns only the events that match, so without `head` a reader whose filter matched nothing for
 * a while would scan the same unmatched tail on every call. Every event at or before `head` had
 * committed before the filtered read started, and that read ran to the end, so none is skipped.
 */
export function endOfReadPosition(scannedTo: GlobalPosition, head: GlobalPosition | null): GlobalPosition {
  return head !== null && comparePositions(head, scannedTo) > 0 ? head : scannedTo;
}

/**
 * One round trip of a backward read of `$all`: at most `maxCount` events that the server-side filter
 * lets through, newest first, from `fromPosition` (the client's END: from the end of `$all`).
 */
export type BackwardPageReader = (fromPosition: ReadPosition, maxCount: number) => Promise<readonly RawKurrentEvent[]>;

/**
 * The newest event of `$all` that `selects` takes, read backwards in pages (one event's worth at
 * first, then doubling: scanPageSize). KurrentDB filters each page on the server as far as it can
 * (see allStreamFilter) and `selects` chooses among what comes back. A page read from an event's
 * position may repeat that event or not: whatever is not older than the oldest event seen so far is
 * skipped. Null once the read reaches the start of `$all` without a match.
 */
export async function newestSelectedEvent(
  readPage: BackwardPageReader,
  selects: (raw: RawKurrentEvent) => boolean,
): Promise<EventAtPosition | null> {
  let oldestSeen: GlobalPosition | null = null;
  for (let pageNumber = 0; ; pageNumber += 1) {
    const pageSize = scanPageSize(1, pageNumber);
    const page = await readPage(oldestSeen ?? CLIENT_END, pageSize);
    let older = false;
    for (const raw of page) {
      const position = toGlobalPosition(raw.position, raw.id);
      if (oldestSeen !== null && comparePositions(position, oldestSeen) >= 0) continue;
      oldestSeen = position;
      older = true;
      if (selects(raw)) return { eventId: raw.id, globalPosition: position };
    }
    if (page.length < pageSize) return null;
    if (!older) {
      throw new Error(
        `Reading $all backwards from ${oldestSeen === null ? 'its end' : formatPosition(oldestSeen)}, KurrentDB returned no older event`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The metadata envelope
// ---------------------------------------------------------------------------------------------

/** Where a stored event sits in its stream's hash chain. */
export type ChainLink = {
  /** Our stream version, kept with the event because the hash covers it (see decodeStoredEvent). */
  readonly streamVersion: number;
  readonly hash: string;
  readonly previousHash: string;
};

/**
 * The KurrentDB event's `metadata` as this adapter writes it: our metadata, the schema version and
 * the chain link, each under its own key. Multi-stream append takes string values only (KurrentDB
 * keeps them as the record's properties, and reads give them back as a JSON object, adding
 * `$schema.name` and `$schema.format`), so `meta` and `chain` are JSON text and `schemaVersion`
 * is a decimal. `$correlationId`/`$causationId` are KurrentDB's conventional keys (its
 * `$by_correlation_id` projection reads them); they copy `meta` and are never read back.
 */
export type EventEnvelope = {
  readonly meta: string;
  readonly schemaVersion: string;
  readonly chain: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
};

/** What an envelope says, whichever way it was written (see decodeEnvelope). */
export interface DecodedEnvelope {
  readonly meta: EventMetadata;
  readonly schemaVersion: number;
  readonly chain: ChainLink;
}

export function encodeEnvelope(
  content: HashedEventContent,
  chain: { readonly hash: string; readonly previousHash: string },
): EventEnvelope {
  const link: ChainLink = { streamVersion: content.streamVersion, hash: chain.hash, previousHash: chain.previousHash };
  return {
    meta: JSON.stringify(content.metadata),
    schemaVersion: String(content.schemaVersion),
    chain: JSON.stringify(link),
    $correlationId: content.metadata.correlationId,
    ...(content.metadata.causationId === null ? {} : { $causationId: content.metadata.causationId }),
  };
}

/** Thrown when a stored event is not one of ours (or no longer looks like one). */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
}

const HEX_HASH = /^[0-9a-f]{64}$/;

export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  return isJsonObject(value);
}

export function isJsonObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every(isJsonValue);
}

function isEventMetadata(value: unknown): value is EventMetadata {
  if (!isJsonObject(value)) return false;
  const { tenantId, actorId, correlationId, causationId, occurredAt, source, extra } = value;
  return (
    typeof tenantId === 'string' &&
    typeof actorId === 'string' &&
    typeof correlationId === 'string' &&
    (causationId === null || typeof causationId === 'string') &&
    typeof occurredAt === 'string' &&
    EVENT_SOURCES.some((known) => known === source) &&
    (extra === undefined || isJsonObject(extra))
  );
}

function isChainLink(value: unknown): value is ChainLink {
  if (!isJsonObject(value)) return false;
  const { streamVersion, hash, previousHash } = value;
  return (
    typeof streamVersion === 'number' &&
    Number.isSafeInteger(streamVersion) &&
    streamVersion >= 1 &&
    typeof hash === 'string' &&
    HEX_HASH.test(hash) &&
    typeof previousHash === 'string' &&
    HEX_HASH.test(previousHash)
  );
}

/** A value written as JSON text (a string) is parsed; text that is not JSON reads as nothing. */
function fromJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads our envelope back. `meta`, `schemaVersion` and `chain` are read as JSON text when they are
 * strings (as this adapter writes them) and as they are otherwise (as the adapter wrote them before
 * multi-stream append, through `@eventstore/db-client`, with nested JSON metadata): both kinds of
 * event live in the same streams, and one chain runs through them. `meta` is returned exactly as
 * stored, unknown keys included, so that a change to it shows as a hash mismatch instead of being
 * dropped on the way in.
 */
export function decodeEnvelope(metadata: unknown): DecodedEnvelope {
  if (!isJsonObject(metadata)) throw new EnvelopeError('its metadata is not a JSON object');
  const meta = fromJsonText(metadata['meta']);
  const schemaVersion = fromJsonText(metadata['schemaVersion']);
  const chain = fromJsonText(metadata['chain']);
  if (!isEventMetadata(meta))
    throw new EnvelopeError(
      'its metadata has no valid "meta" (tenant, actor, correlation, causation, occurredAt, source)',
    );
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new EnvelopeError('its metadata has no valid "schemaVersion"');
  }
  if (!isChainLink(chain))
    throw new EnvelopeError('its metadata has no valid "chain" (streamVersion, hash, previousHash)');
  return { meta, schemaVersion, chain };
}

// ---------------------------------------------------------------------------------------------
// Events going in
// ---------------------------------------------------------------------------------------------

export interface ChainedEvent {
  readonly content: HashedEventContent;
  readonly hash: string;
  readonly previousHash: string;
}

/** Links prepared events into the stream's hash chain, starting from the current tip's hash. */
export function chainEvents(prepared: readonly PreparedEvent[], previousHash: string): ChainedEvent[] {
  let previous = previousHash;
  return prepared.map(({ content, canonicalJson }) => {
    const hash = chainHash(previous, canonicalJson);
    const chained = { content, hash, previousHash: previous };
    previous = hash;
    return chained;
  });
}

/** The KurrentDB event for one of ours: same id and type, our data, the envelope as metadata. */
export function toEventData(event: ChainedEvent): EventData {
  return jsonEvent({
    id: event.content.id,
    type: event.content.type,
    data: event.content.data,
    metadata: encodeEnvelope(event.content, event),
  });
}

// ---------------------------------------------------------------------------------------------
// Events coming out
// ---------------------------------------------------------------------------------------------

/** What this adapter needs of an event the client returns (its RecordedEvent satisfies it). */
export interface RawKurrentEvent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly created: Date;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position | undefined;
}

/** A stored event as it is, before upcasting: what the hash chain is verified against. */
export interface StoredEvent extends HashedEventContent {
  readonly hash: string;
  readonly previousHash: string;
  readonly revision: bigint;
  readonly recordedAt: Date;
  readonly position: Position | undefined;
}

/**
 * Decodes a raw KurrentDB event of one of our streams. The stream version comes from the envelope,
 * not from the revision: both agree for every event this adapter writes (it appends at an exact
 * revision), but revisions are not content. An operator who rewrites a stream (truncates it and
 * appends altered copies) gets new revisions; the version the hash covers travels with the event,
 * so verification still names the version that was altered or removed.
 */
export function decodeStoredEvent(raw: RawKurrentEvent): StoredEvent {
  const where = `Event ${raw.id} of ${raw.streamId} (revision ${raw.revision})`;
  if (!raw.isJson) throw new EnvelopeError(`${where} is not JSON`);
  if (!isJsonObject(raw.data)) throw new EnvelopeError(`${where}: its data is not a JSON object`);
  let envelope: DecodedEnvelope;
  try {
    envelope = decodeEnvelope(raw.metadata);
  } catch (error) {
    if (error instanceof EnvelopeError) throw new EnvelopeError(`${where}: ${error.message}`);
    throw error;
  }
  return {
    id: raw.id,
    streamId: raw.streamId,
    streamVersion: envelope.chain.streamVersion,
    type: raw.type,
    schemaVersion: envelope.schemaVersion,
    data: raw.data,
    metadata: envelope.meta,
    hash: envelope.chain.hash,
    previousHash: envelope.chain.previousHash,
    revision: raw.revision,
    recordedAt: raw.created,
    position: raw.position,
  };
}

/** The port's RecordedEvent, upcasted to the newest schema version when `upcasters` are given. */
export function toRecordedEvent(stored: StoredEvent, upcasters: Upcasters | null): RecordedEvent {
  const { schemaVersion, data } = upcasters ? upcasters.apply(stored.type, stored.schemaVersion, stored.data) : stored;
  return {
    id: stored.id,
    type: stored.type,
    schemaVersion,
    data,
    metadata: stored.metadata,
    streamId: stored.streamId,
    streamVersion: stored.streamVersion,
    globalPosition: toGlobalPosition(stored.position, stored.id),
    recordedAt: stored.recordedAt,
    hash: stored.hash,
  };
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

/**
 * verifyChain over a stream's raw events. An event that no longer decodes as ours breaks the chain
 * where it stands instead of failing the whole verification.
 *
 * With a checkpoint head, only the events up to it are checked, against it. Without one, the
 * stream's revisions stand in for the head PostgreSQL records: this adapter appends each event at
 * revision = version - 1 and KurrentDB never reuses a revision, so a stream whose last revision
 * (or the highest `$all` has shown for it) is not its last version - 1 was truncated or rewritten,
 * even when the events it still shows chain correctly (e.g. its last event was removed).
 */
export function verifyStored(
  streamId: string,
  raw: readonly RawKurrentEvent[],
  against: { readonly checkpointHead: StreamHead } | { readonly highestRevisionSeen: bigint | null },
): StreamVerification {
  const checkpointHead = 'checkpointHead' in against ? against.checkpointHead : null;
  const stored: StoredEvent[] = [];
  for (const event of raw) {
    try {
      const decoded = decodeStoredEvent(event);
      // Checking a checkpoint head: what came after it is not part of what the checkpoint vouched for.
      if (checkpointHead && decoded.streamVersion > checkpointHead.version) break;
      stored.push(decoded);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      const before = verifyChain(streamId, stored, null);
      if (!before.valid) return before;
      return {
        ...before,
        valid: false,
        brokenLink: {
          streamId,
          streamVersion: before.eventsChecked + 1,
          reason: 'hash_mismatch',
          detail: error.message,
        },
      };
    }
  }
  if (checkpointHead) return verifyChain(streamId, stored, checkpointHead);

  const verification = verifyChain(streamId, stored, null);
  if (!verification.valid) return verification;
  let lastRevision = raw.at(-1)?.revision ?? null;
  const seen = 'highestRevisionSeen' in against ? against.highestRevisionSeen : null;
  if (seen !== null && (lastRevision === null || seen > lastRevision)) lastRevision = seen;
  if (lastRevision === null) return verification;
  const appended = versionForRevision(lastRevision);
  const lastVersion = verification.eventsChecked;
  if (appended === lastVersion) return verification;
  return {
    ...verification,
    valid: false,
    brokenLink: {
      streamId,
      streamVersion: Math.min(appended, lastVersion + 1),
      reason: appended > lastVersion ? 'missing_event' : 'head_mismatch',
      detail: `KurrentDB has appended ${appended} event(s) to this stream (last revision ${lastRevision}), but it holds a chain of ${lastVersion}: it was truncated or rewritten`,
    },
  };
}
