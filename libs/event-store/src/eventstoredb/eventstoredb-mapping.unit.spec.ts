import {
  convertToCommandError,
  END as CLIENT_END,
  EVENT_TYPE,
  KurrentDBClient,
  NO_STREAM as CLIENT_NO_STREAM,
  START as CLIENT_START,
  STREAM_NAME,
  WrongExpectedVersionError,
  type EventData,
  type MultiAppendResult,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import errorDetails from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/errors_pb.js';
import { ConcurrencyError, InvalidEventError } from '../errors.js';
import type { EventMetadata, JsonObject, NewEvent } from '../event.js';
import { ANY, NO_STREAM, type StreamAppend } from '../event-store.port.js';
import { prepareEvents } from '../new-events.js';
import { comparePositions, START } from '../position.js';
import {
  canonicalEventJson,
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type HashedEventContent,
} from '../tamper-evidence.js';
import { Upcasters } from '../upcasting.js';
import {
  allStreamFilter,
  allStreamSelector,
  appendedVersions,
  assertAppendList,
  chainEvents,
  decodeEnvelope,
  decodeStoredEvent,
  encodeEnvelope,
  endOfReadPosition,
  EnvelopeError,
  eventTypesRegex,
  expectedRevisionFor,
  isAfter,
  isJsonObject,
  isOurStream,
  isSystemEvent,
  multiStreamAppendRefusal,
  multiStreamConcurrencyError,
  newestSelectedEvent,
  ourEventSelector,
  parseServerVersion,
  planAppend,
  planStreamAppend,
  readAllStart,
  redactConnectionString,
  redactPassword,
  revisionForVersion,
  scanPageSize,
  supportsMultiStreamAppend,
  tenantStreamRegex,
  toAppendStreamRequests,
  toClientConnectionString,
  toConcurrencyError,
  toEventData,
  toGlobalPosition,
  toRecordedEvent,
  versionForRevision,
  verifyStored,
  type BackwardPageReader,
  type ChainLink,
  type PlannedAppend,
  type RawKurrentEvent,
} from './eventstoredb-mapping.js';

const STREAM = 'action-charnwood.0190f3c2-aaaa-7bbb-8ccc-123456789abc';
const HASH_A = 'a'.repeat(64);

const meta: EventMetadata = {
  tenantId: 'charnwood',
  actorId: 'sub-123',
  correlationId: 'corr-1',
  causationId: null,
  occurredAt: '2025-04-01T09:30:00.000Z',
  source: 'ui',
};

let nextId = 0;
const ids = { next: () => `0190f3c2-0000-7000-8000-${String(++nextId).padStart(12, '0')}` };

function newEvent(type: string, data: JsonObject, extra: Partial<NewEvent> = {}): NewEvent {
  return { type, data, metadata: meta, ...extra };
}

/**
 * What a read gives back for an event appended through multi-stream append: KurrentDB keeps the
 * metadata's string values as the record's properties and synthesizes the event's metadata from
 * them as a JSON object, adding `$schema.name` (the event type) and, for JSON events,
 * `$schema.format` (KurrentDB's EventRecord.SynthesizeMetadataFromProperties). The data is the JSON
 * text the client sends; the server assigns revision, position and time.
 */
function throughTheWire(eventData: EventData, streamId: string, revision: bigint, commit: bigint): RawKurrentEvent {
  const properties = eventData.metadata as Record<string, string>;
  return {
    streamId,
    id: eventData.id,
    type: eventData.type,
    revision,
    created: new Date('2025-04-01T09:30:01.234Z'),
    isJson: eventData.contentType === 'application/json',
    data: JSON.parse(JSON.stringify(eventData.data)) as unknown,
    metadata: JSON.parse(
      JSON.stringify({ ...properties, '$schema.name': eventData.type, '$schema.format': 'Json' }),
    ) as unknown,
    position: { commit, prepare: commit },
  };
}

function writeStream(events: readonly NewEvent[], streamId = STREAM): RawKurrentEvent[] {
  const chained = chainEvents(prepareEvents(streamId, events, 0, ids), GENESIS_HASH);
  return chained.map((event, index) =>
    throughTheWire(toEventData(event), streamId, BigInt(index), 1000n + BigInt(index) * 100n),
  );
}

/** The metadata as this adapter wrote it through `@eventstore/db-client` 6 (JSON values, nested). */
function legacyEnvelope(content: HashedEventContent, chain: ChainLink): JsonObject {
  return JSON.parse(
    JSON.stringify({
      meta: content.metadata,
      schemaVersion: content.schemaVersion,
      chain,
      $correlationId: content.metadata.correlationId,
    }),
  ) as JsonObject;
}

describe('connection strings', () => {
  it("passes kurrentdb:// through and maps esdb://, kurrent:// and kdb:// (and their discover forms) to it, the client's own scheme", () => {
    expect(toClientConnectionString('kurrentdb://localhost:2113?tls=false')).toBe(
      'kurrentdb://localhost:2113?tls=false',
    );
    expect(toClientConnectionString('esdb://admin:changeit@localhost:2113?tls=false')).toBe(
      'kurrentdb://admin:changeit@localhost:2113?tls=false',
    );
    expect(toClientConnectionString('esdb+discover://node1:2113,node2:2113')).toBe(
      'kurrentdb+discover://node1:2113,node2:2113',
    );
    expect(toClientConnectionString('kurrent+discover://node1:2113')).toBe('kurrentdb+discover://node1:2113');
    expect(toClientConnectionString('  KDB://localhost:2113  ')).toBe('kurrentdb://localhost:2113');
  });

  it('refuses other schemes and bare hosts', () => {
    expect(() => toClientConnectionString('postgres://localhost')).toThrow(
      /Unsupported KurrentDB connection string scheme "postgres:\/\/"/,
    );
    expect(() => toClientConnectionString('localhost:2113')).toThrow(/must start with esdb:\/\//);
  });

  it('hides the password in messages', () => {
    expect(redactConnectionString('esdb://admin:changeit@localhost:2113?tls=false')).toBe(
      'esdb://admin:***@localhost:2113?tls=false',
    );
    expect(redactConnectionString('esdb://localhost:2113')).toBe('esdb://localhost:2113');
    const quoted = 'Unexpected "x" at position 40 of esdb://admin:s3cret@localhost:2113?tls=x';
    expect(redactPassword(quoted, 'esdb://admin:s3cret@localhost:2113?tls=x')).toBe(
      'Unexpected "x" at position 40 of esdb://admin:***@localhost:2113?tls=x',
    );
    expect(redactPassword('no password here', 'esdb://localhost:2113')).toBe('no password here');
  });
});

describe('versions and revisions', () => {
  it('maps stream versions (1-based counts) to KurrentDB revisions (0-based) and back', () => {
    expect(revisionForVersion(1)).toBe(0n);
    expect(revisionForVersion(42)).toBe(41n);
    expect(versionForRevision(0n)).toBe(1);
    expect(versionForRevision(41n)).toBe(42);
    expect(versionForRevision(CLIENT_NO_STREAM)).toBe(0);
    expect(versionForRevision(-1n)).toBe(0);
    expect(() => revisionForVersion(0)).toThrow(RangeError);
    expect(() => revisionForVersion(1.5)).toThrow(RangeError);
    expect(() => versionForRevision(BigInt(Number.MAX_SAFE_INTEGER))).toThrow(RangeError);
  });

  it('maps numeric and NO_STREAM expectations to exact ones', () => {
    expect(expectedRevisionFor(3)).toBe(2n);
    expect(expectedRevisionFor(1)).toBe(0n);
    expect(expectedRevisionFor(0)).toBe(CLIENT_NO_STREAM);
    expect(expectedRevisionFor(NO_STREAM)).toBe(CLIENT_NO_STREAM);
    expect(() => expectedRevisionFor(-1)).toThrow(InvalidEventError);
    expect(() => expectedRevisionFor(2.5)).toThrow(InvalidEventError);
  });
});

describe('planAppend', () => {
  const tip = { revision: 2n, hash: HASH_A };

  it('appends to a new stream with NO_STREAM, from the genesis hash', () => {
    const plan = { expectedRevision: CLIENT_NO_STREAM, currentVersion: 0, previousHash: GENESIS_HASH };
    expect(planAppend(STREAM, NO_STREAM, null)).toEqual(plan);
    expect(planAppend(STREAM, 0, null)).toEqual(plan);
    expect(planAppend(STREAM, ANY, null)).toEqual(plan);
  });

  it('appends to an existing stream at its exact revision, from its last hash, ANY included', () => {
    const plan = { expectedRevision: 2n, currentVersion: 3, previousHash: HASH_A };
    expect(planAppend(STREAM, 3, tip)).toEqual(plan);
    expect(planAppend(STREAM, ANY, tip)).toEqual(plan);
  });

  it('refuses an expectation the tip already contradicts, with the actual version', () => {
    const cases = [
      { expected: 2, tip, actual: 3 },
      { expected: NO_STREAM, tip, actual: 3 },
      { expected: 0, tip, actual: 3 },
      { expected: 1, tip: null, actual: 0 },
    ] as const;
    for (const { expected, tip: current, actual } of cases) {
      let thrown: unknown;
      try {
        planAppend(STREAM, expected, current);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConcurrencyError);
      expect(thrown).toMatchObject({ streamId: STREAM, expected, actual });
    }
  });

  it('refuses an expected version that is not a version', () => {
    expect(() => planAppend(STREAM, -1, null)).toThrow(InvalidEventError);
    expect(() => planAppend(STREAM, 0.5, tip)).toThrow(InvalidEventError);
  });
});

describe('toConcurrencyError', () => {
  it("maps the client's WrongExpectedVersionError: actual revision + 1, or 0 when there is no stream", () => {
    const onRevision = new WrongExpectedVersionError(undefined, { streamName: STREAM, expected: 1n, current: 4n });
    const noStream = new WrongExpectedVersionError(undefined, {
      streamName: STREAM,
      expected: 1n,
      current: 'no_stream',
    });

    const mapped = toConcurrencyError(STREAM, 2, onRevision);
    expect(mapped).toBeInstanceOf(ConcurrencyError);
    expect(mapped).toMatchObject({ streamId: STREAM, expected: 2, actual: 5 });
    expect(mapped.message).toBe(`Stream ${STREAM}: expected version 2, but it is at 5`);
    expect(toConcurrencyError(STREAM, ANY, noStream)).toMatchObject({ expected: ANY, actual: 0 });
  });
});

describe('positions', () => {
  it('keeps commit and prepare of a KurrentDB position', () => {
    expect(toGlobalPosition({ commit: 18446744073709551000n, prepare: 18446744073709550000n }, 'e1')).toEqual({
      commit: 18446744073709551000n,
      prepare: 18446744073709550000n,
    });
    expect(() => toGlobalPosition(undefined, 'e1')).toThrow(/without its log position/);
  });

  it('starts $all at its start for START, otherwise at the position (inclusive; isAfter drops it)', () => {
    expect(readAllStart(START)).toBe(CLIENT_START);
    expect(readAllStart({ commit: 500n, prepare: 400n })).toEqual({ commit: 500n, prepare: 400n });
    const after = { commit: 500n, prepare: 400n };
    expect(isAfter({ commit: 500n, prepare: 400n }, after)).toBe(false);
    expect(isAfter({ commit: 500n, prepare: 401n }, after)).toBe(true);
    expect(isAfter({ commit: 501n, prepare: 0n }, after)).toBe(true);
    expect(isAfter({ commit: 499n, prepare: 900n }, after)).toBe(false);
  });

  it('scans $all one batch (plus the inclusive start) at first, then in doubling pages up to 4096 events', () => {
    expect(scanPageSize(7, 0)).toBe(16);
    expect(scanPageSize(7, 1)).toBe(32);
    expect(scanPageSize(500, 0)).toBe(501);
    expect(scanPageSize(500, 2)).toBe(2004);
    expect(scanPageSize(500, 3)).toBe(4008);
    expect(scanPageSize(500, 4)).toBe(4096);
    expect(scanPageSize(100_000, 0)).toBe(4096);
    expect(scanPageSize(1, 1_000)).toBe(4096);
  });
});

describe('selecting events of $all', () => {
  it('recognises system events by stream or type', () => {
    expect(isSystemEvent('$$action-charnwood.x', '$metadata')).toBe(true);
    expect(isSystemEvent('$stats-0.0.0.0:2113', 'StatsCollected')).toBe(true);
    expect(isSystemEvent('$ce-action', '$>')).toBe(true);
    expect(isSystemEvent(STREAM, '$>')).toBe(true);
    expect(isSystemEvent(STREAM, 'ActionCreated')).toBe(false);
  });

  it('builds a stream-name regex that matches the tenant exactly, hyphenated tenants included', () => {
    expect(tenantStreamRegex('charnwood')).toBe('^[a-z][A-Za-z0-9]*-charnwood\\.');
    const charnwood = new RegExp(tenantStreamRegex('charnwood'));
    expect(charnwood.test(STREAM)).toBe(true);
    expect(charnwood.test('planRegister-charnwood.e1')).toBe(true);
    expect(charnwood.test('$$' + STREAM)).toBe(false);
    const northWest = new RegExp(tenantStreamRegex('north-west'));
    expect(northWest.test('action-north-west.e1')).toBe(true);
    expect(northWest.test('action-north.e1')).toBe(false);
    expect(northWest.test('action-north-west-2.e1')).toBe(false);
    const north = new RegExp(tenantStreamRegex('north'));
    expect(north.test('action-north.e1')).toBe(true);
    expect(north.test('action-north-west.e1')).toBe(false);
    expect(north.test('actionnorth.e1')).toBe(false);
    expect(() => tenantStreamRegex('')).toThrow(InvalidEventError);
  });

  it('selects by tenant, by event type, by both, and never system events', () => {
    const all = allStreamSelector({});
    const byTenant = allStreamSelector({ tenantId: 'charnwood' });
    const byType = allStreamSelector({ eventTypes: ['ActionCreated', 'ProgressRecorded'] });
    const both = allStreamSelector({ tenantId: 'charnwood', eventTypes: ['ProgressRecorded'] });
    const none = allStreamSelector({ eventTypes: [] });

    expect(all(STREAM, 'ActionCreated')).toBe(true);
    expect(all('$$' + STREAM, '$metadata')).toBe(false);
    expect(byTenant(STREAM, 'ActionCreated')).toBe(true);
    expect(byTenant('action-leicester.e1', 'ActionCreated')).toBe(false);
    expect(byType('action-leicester.e1', 'ProgressRecorded')).toBe(true);
    expect(byType(STREAM, 'ActionRenamed')).toBe(false);
    expect(both(STREAM, 'ProgressRecorded')).toBe(true);
    expect(both(STREAM, 'ActionCreated')).toBe(false);
    expect(both('action-leicester.e1', 'ProgressRecorded')).toBe(false);
    expect(none(STREAM, 'ActionCreated')).toBe(false);
  });

  it('builds an event-type regex that matches exactly the types given', () => {
    expect(eventTypesRegex(['ActionCreated', 'ProgressRecorded'])).toBe('^(?:ActionCreated|ProgressRecorded)$');
    const dotted = new RegExp(eventTypesRegex(['Plan.Registered']));
    expect(dotted.test('Plan.Registered')).toBe(true);
    expect(dotted.test('PlanXRegistered')).toBe(false);
    expect(dotted.test('Plan.Registered2')).toBe(false);
    expect(() => eventTypesRegex([])).toThrow(InvalidEventError);
  });

  it('filters $all on the server by tenant (stream names) first, else by event types, else leaves out system events', () => {
    expect(allStreamFilter({ tenantId: 'charnwood' })).toMatchObject({
      filterOn: STREAM_NAME,
      regex: tenantStreamRegex('charnwood'),
    });
    expect(allStreamFilter({ tenantId: 'charnwood', eventTypes: ['ProgressRecorded'] })).toMatchObject({
      filterOn: STREAM_NAME,
      regex: tenantStreamRegex('charnwood'),
    });
    expect(allStreamFilter({ eventTypes: ['ActionCreated', 'ProgressRecorded'] })).toMatchObject({
      filterOn: EVENT_TYPE,
      regex: '^(?:ActionCreated|ProgressRecorded)$',
    });
    const unfiltered = allStreamFilter({});
    expect(unfiltered.filterOn).toBe(EVENT_TYPE);
    expect('regex' in unfiltered && new RegExp(unfiltered.regex).test('$metadata')).toBe(false);
    expect('regex' in unfiltered && new RegExp(unfiltered.regex).test('ActionCreated')).toBe(true);
  });

  it('leaves a reader that reached the end of $all past the head read before, or past what it scanned', () => {
    const scanned = { commit: 500n, prepare: 500n };
    expect(endOfReadPosition(scanned, null)).toEqual(scanned);
    expect(endOfReadPosition(scanned, { commit: 900n, prepare: 880n })).toEqual({ commit: 900n, prepare: 880n });
    expect(endOfReadPosition(scanned, { commit: 400n, prepare: 400n })).toEqual(scanned);
    expect(endOfReadPosition(START, null)).toEqual(START);
  });
});

describe('the newest event of $all a filter selects', () => {
  /** An event of `$all` at commit position `commit` (prepare the same), as a read returns it. */
  function logged(commit: number, streamId: string, type: string): RawKurrentEvent {
    return {
      streamId,
      id: `event-${commit}`,
      type,
      revision: 0n,
      created: new Date('2025-04-01T09:30:00.000Z'),
      isJson: true,
      data: {},
      metadata: {},
      position: { commit: BigInt(commit), prepare: BigInt(commit) },
    };
  }

  /**
   * `$all` read backwards as KurrentDB does it: the events `onServer` lets through, newest first,
   * from the end or from a position, which `repeatsStart` says the page includes.
   */
  function backwards(
    all: readonly RawKurrentEvent[],
    options: { readonly repeatsStart: boolean; readonly onServer?: (raw: RawKurrentEvent) => boolean },
  ): { readonly readPage: BackwardPageReader; readonly pages: { from: ReadPosition; maxCount: number }[] } {
    const pages: { from: ReadPosition; maxCount: number }[] = [];
    const newestFirst = [...all].reverse().filter(options.onServer ?? (() => true));
    const readPage: BackwardPageReader = (from, maxCount) => {
      pages.push({ from, maxCount });
      // Backwards reads start from the end or from a position, never from the start.
      const start =
        typeof from === 'string'
          ? newestFirst
          : newestFirst.filter((raw) => {
              const order = comparePositions(toGlobalPosition(raw.position, raw.id), from);
              return order < 0 || (order === 0 && options.repeatsStart);
            });
      return Promise.resolve(start.slice(0, maxCount));
    };
    return { readPage, pages };
  }

  const charnwoodProgress = ourEventSelector({ tenantId: 'charnwood', eventTypes: ['ProgressRecorded'] });

  it("finds the tenant's newest event of the types from the end of $all", async () => {
    const all = [
      logged(10, 'action-charnwood.a1', 'ProgressRecorded'),
      logged(20, 'action-charnwood.a1', 'ProgressRecorded'),
      logged(30, 'action-leicester.b1', 'ProgressRecorded'),
      logged(40, 'action-charnwood.a1', 'DueRevised'),
    ];
    const { readPage, pages } = backwards(all, { repeatsStart: true });
    expect(await newestSelectedEvent(readPage, charnwoodProgress)).toEqual({
      eventId: 'event-20',
      globalPosition: { commit: 20n, prepare: 20n },
    });
    expect(pages).toEqual([{ from: CLIENT_END, maxCount: 16 }]);
  });

  it('reads further back in doubling pages, each from the oldest event seen, whether or not a page repeats it', async () => {
    const all = [
      logged(1, 'action-charnwood.a1', 'ProgressRecorded'),
      ...Array.from({ length: 100 }, (_, index) => logged(2 + index, 'action-charnwood.a1', 'DueRevised')),
    ];
    const onServer = (raw: RawKurrentEvent): boolean => raw.streamId.startsWith('action-charnwood.');
    for (const repeatsStart of [true, false]) {
      const { readPage, pages } = backwards(all, { repeatsStart, onServer });
      expect(await newestSelectedEvent(readPage, charnwoodProgress)).toEqual({
        eventId: 'event-1',
        globalPosition: { commit: 1n, prepare: 1n },
      });
      expect(pages.map((page) => page.maxCount)).toEqual([16, 32, 64]);
      expect(pages[1]?.from).toEqual({ commit: 86n, prepare: 86n });
      expect(pages[2]?.from).toEqual(repeatsStart ? { commit: 55n, prepare: 55n } : { commit: 54n, prepare: 54n });
    }
  });

  it('answers null once the read reaches the start of $all without a match', async () => {
    const all = Array.from({ length: 40 }, (_, index) => logged(index + 1, 'action-charnwood.a1', 'DueRevised'));
    for (const repeatsStart of [true, false]) {
      const { readPage, pages } = backwards(all, { repeatsStart });
      expect(await newestSelectedEvent(readPage, charnwoodProgress)).toBeNull();
      expect(pages.at(-1)?.maxCount).toBe(32);
    }
    expect(await newestSelectedEvent(backwards([], { repeatsStart: true }).readPage, charnwoodProgress)).toBeNull();
  });

  it('passes over system events and streams that are not ours', async () => {
    const all = [
      logged(1, 'action-charnwood.a1', 'ProgressRecorded'),
      logged(2, 'orders', 'OrderPlaced'),
      logged(3, '$$action-charnwood.a1', '$metadata'),
      logged(4, 'Other_app-charnwood.x', 'ProgressRecorded'),
    ];
    const { readPage } = backwards(all, { repeatsStart: true });
    expect(await newestSelectedEvent(readPage, ourEventSelector({}))).toMatchObject({ eventId: 'event-1' });
  });

  it('fails rather than read the same events for ever when a page brings none older', async () => {
    // A reader that ignores where to start: every page holds the newest sixteen events again.
    const sameNewest: BackwardPageReader = (_from, maxCount) =>
      Promise.resolve(
        Array.from({ length: maxCount }, (_, index) => logged(100 - (index % 16), 'action-charnwood.a1', 'DueRevised')),
      );
    await expect(newestSelectedEvent(sameNewest, charnwoodProgress)).rejects.toThrow(
      'Reading $all backwards from 85/85, KurrentDB returned no older event',
    );
  });

  it('takes only our streams, and of those what the filter selects', () => {
    expect(isOurStream(STREAM)).toBe(true);
    expect(isOurStream('orders')).toBe(false);
    expect(isOurStream('$$' + STREAM)).toBe(false);
    const any = ourEventSelector({});
    expect(any({ streamId: STREAM, type: 'ActionCreated' })).toBe(true);
    expect(any({ streamId: 'orders-2024', type: 'OrderPlaced' })).toBe(false);
    expect(any({ streamId: '$stats-0.0.0.0:2113', type: 'StatsCollected' })).toBe(false);
    expect(charnwoodProgress({ streamId: STREAM, type: 'ProgressRecorded' })).toBe(true);
    expect(charnwoodProgress({ streamId: STREAM, type: 'DueRevised' })).toBe(false);
    expect(charnwoodProgress({ streamId: 'action-leicester.b1', type: 'ProgressRecorded' })).toBe(false);
  });
});

describe('the metadata envelope', () => {
  const content = {
    id: '0190f3c2-0000-7000-8000-000000000001',
    streamId: STREAM,
    streamVersion: 4,
    type: 'ActionCreated',
    schemaVersion: 2,
    data: { title: 'Publish the plan' },
    metadata: { ...meta, causationId: 'cause-9', extra: { sha256: 'ff' } },
  };

  it('keeps our metadata, schema version and chain link under their own keys as text, with KurrentDB correlation keys', () => {
    expect(encodeEnvelope(content, { hash: HASH_A, previousHash: GENESIS_HASH })).toEqual({
      meta: JSON.stringify(content.metadata),
      schemaVersion: '2',
      chain: JSON.stringify({ streamVersion: 4, hash: HASH_A, previousHash: GENESIS_HASH }),
      $correlationId: 'corr-1',
      $causationId: 'cause-9',
    });
    expect(
      encodeEnvelope({ ...content, metadata: meta }, { hash: HASH_A, previousHash: GENESIS_HASH }),
    ).not.toHaveProperty('$causationId');
  });

  it('has string values only, which is all multi-stream append takes (the client refuses anything else)', () => {
    const envelope = encodeEnvelope(content, { hash: HASH_A, previousHash: GENESIS_HASH });
    expect(Object.getPrototypeOf(envelope)).toBe(Object.prototype);
    expect(Object.values(envelope).every((value) => typeof value === 'string')).toBe(true);
  });

  it('round-trips through JSON, and through the metadata a read gives back (with $schema keys added)', () => {
    const envelope = encodeEnvelope(content, { hash: HASH_A, previousHash: GENESIS_HASH });
    const decoded = {
      meta: content.metadata,
      schemaVersion: 2,
      chain: { streamVersion: 4, hash: HASH_A, previousHash: GENESIS_HASH },
    };
    expect(decodeEnvelope(JSON.parse(JSON.stringify(envelope)))).toEqual(decoded);
    expect(decodeEnvelope({ ...envelope, '$schema.name': 'ActionCreated', '$schema.format': 'Json' })).toEqual(decoded);
  });

  it('reads the envelope as the adapter wrote it before, through @eventstore/db-client, with JSON values', () => {
    const chain = { streamVersion: 4, hash: HASH_A, previousHash: GENESIS_HASH };
    expect(decodeEnvelope(legacyEnvelope(content, chain))).toEqual({
      meta: content.metadata,
      schemaVersion: 2,
      chain,
    });
  });

  it('keeps unknown keys of meta, so that an added key shows as a hash mismatch', () => {
    const envelope = encodeEnvelope(content, { hash: HASH_A, previousHash: GENESIS_HASH });
    const injected = { ...envelope, meta: JSON.stringify({ ...content.metadata, injected: 'x' }) };
    expect(decodeEnvelope(injected).meta).toHaveProperty('injected', 'x');
    const legacy = legacyEnvelope(content, { streamVersion: 4, hash: HASH_A, previousHash: GENESIS_HASH });
    expect(decodeEnvelope({ ...legacy, meta: { ...content.metadata, injected: 'x' } }).meta).toHaveProperty(
      'injected',
      'x',
    );
  });

  it('refuses metadata that is not ours', () => {
    const good = JSON.parse(
      JSON.stringify(encodeEnvelope(content, { hash: HASH_A, previousHash: GENESIS_HASH })),
    ) as Record<string, unknown>;
    expect(() => decodeEnvelope(undefined)).toThrow(EnvelopeError);
    expect(() => decodeEnvelope(new Uint8Array([1, 2]))).toThrow(EnvelopeError);
    expect(() => decodeEnvelope({ $correlationId: 'x' })).toThrow(/no valid "meta"/);
    expect(() => decodeEnvelope({ ...good, meta: { ...meta, source: 'fax' } })).toThrow(/no valid "meta"/);
    expect(() => decodeEnvelope({ ...good, schemaVersion: 0 })).toThrow(/schemaVersion/);
    expect(() =>
      decodeEnvelope({ ...good, chain: { streamVersion: 1, hash: 'nothex', previousHash: GENESIS_HASH } }),
    ).toThrow(/chain/);
    expect(() =>
      decodeEnvelope({ ...good, chain: { streamVersion: 0, hash: HASH_A, previousHash: GENESIS_HASH } }),
    ).toThrow(/chain/);
    expect(() => decodeEnvelope({ ...good, meta: '{"tenantId":' })).toThrow(/no valid "meta"/);
    expect(() => decodeEnvelope({ ...good, meta: '"charnwood"' })).toThrow(/no valid "meta"/);
    expect(() => decodeEnvelope({ ...good, schemaVersion: '0' })).toThrow(/schemaVersion/);
    expect(() => decodeEnvelope({ ...good, schemaVersion: 'two' })).toThrow(/schemaVersion/);
    expect(() => decodeEnvelope({ ...good, schemaVersion: '1.5' })).toThrow(/schemaVersion/);
    expect(() =>
      decodeEnvelope({
        ...good,
        chain: JSON.stringify({ streamVersion: 1, hash: 'nothex', previousHash: GENESIS_HASH }),
      }),
    ).toThrow(/chain/);
  });

  it('checks JSON values all the way down', () => {
    expect(isJsonObject({ a: [1, 'x', null, { b: true }] })).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject({ a: Number.NaN })).toBe(false);
    expect(isJsonObject({ a: new Date() })).toBe(false);
    expect(isJsonObject({ a: { b: undefined } })).toBe(false);
  });
});

describe('events through KurrentDB and back', () => {
  const events = [
    newEvent('ActionCreated', { reference: '1.3', title: 'Publish the plan', due: { text: 'June 2024' } }),
    newEvent(
      'ProgressRecorded',
      { status: 'in_progress', note: 'Draft shared — “with” unicode' },
      { schemaVersion: 1 },
    ),
    newEvent(
      'ActionDue',
      { due: 'Quarterly' },
      { metadata: { ...meta, causationId: 'c-1', extra: { importSha: 'ab' } } },
    ),
  ];

  it('chains hashes from the genesis hash, one event after the other', () => {
    const prepared = prepareEvents(STREAM, events, 0, ids);
    const chained = chainEvents(prepared, GENESIS_HASH);
    expect(chained[0]?.previousHash).toBe(GENESIS_HASH);
    expect(chained[0]?.hash).toBe(chainHash(GENESIS_HASH, canonicalEventJson(prepared[0]!.content)));
    expect(chained[1]?.previousHash).toBe(chained[0]?.hash);
    expect(chained[2]?.previousHash).toBe(chained[1]?.hash);
    expect(chained.map((event) => event.content.streamVersion)).toEqual([1, 2, 3]);
  });

  it('writes JSON events with our id, type and data, and the envelope as metadata', () => {
    const [chained] = chainEvents(prepareEvents(STREAM, [events[0]!], 0, ids), GENESIS_HASH);
    const eventData = toEventData(chained!);
    expect(eventData).toMatchObject({
      id: chained!.content.id,
      type: 'ActionCreated',
      contentType: 'application/json',
      data: events[0]!.data,
    });
    expect(decodeEnvelope(eventData.metadata).chain).toEqual({
      streamVersion: 1,
      hash: chained!.hash,
      previousHash: GENESIS_HASH,
    });
  });

  it('reads back what it wrote, and the chain verifies', () => {
    const raw = writeStream(events);
    const stored = raw.map(decodeStoredEvent);
    expect(stored.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(stored[2]?.metadata).toEqual({ ...meta, causationId: 'c-1', extra: { importSha: 'ab' } });
    expect(verifyChain(STREAM, stored, null)).toMatchObject({
      valid: true,
      eventsChecked: 3,
      headHash: stored[2]?.hash,
    });
  });

  it('detects altered data and removed events in what it reads back', () => {
    const raw = writeStream(events);
    const altered = raw.map((event, index) => (index === 1 ? { ...event, data: { status: 'completed' } } : event));
    expect(verifyChain(STREAM, altered.map(decodeStoredEvent), null).brokenLink).toMatchObject({
      streamVersion: 2,
      reason: 'hash_mismatch',
    });

    // A rewritten stream: copies at new revisions, the second event left out.
    const rewritten = [raw[0]!, raw[2]!].map((event, index) => ({ ...event, revision: 3n + BigInt(index) }));
    expect(verifyChain(STREAM, rewritten.map(decodeStoredEvent), null).brokenLink).toMatchObject({
      streamVersion: 2,
      reason: 'missing_event',
    });
  });

  it('maps to RecordedEvent with the server position and time, upcasting on request', () => {
    const [raw] = writeStream([events[1]!]);
    const upcasters = new Upcasters([
      { eventType: 'ProgressRecorded', fromSchemaVersion: 1, upcast: (data) => ({ ...data, rag: 'amber' }) },
    ]);
    const stored = decodeStoredEvent(raw!);

    expect(toRecordedEvent(stored, null)).toEqual({
      id: raw!.id,
      type: 'ProgressRecorded',
      schemaVersion: 1,
      data: { status: 'in_progress', note: 'Draft shared — “with” unicode' },
      metadata: meta,
      streamId: STREAM,
      streamVersion: 1,
      globalPosition: { commit: 1000n, prepare: 1000n },
      recordedAt: new Date('2025-04-01T09:30:01.234Z'),
      hash: stored.hash,
    });
    expect(toRecordedEvent(stored, upcasters)).toMatchObject({
      schemaVersion: 2,
      data: { status: 'in_progress', rag: 'amber' },
      hash: stored.hash,
    });
    expect(() => toRecordedEvent({ ...stored, position: undefined }, null)).toThrow(/without its log position/);
  });

  it('verifies one chain through events written before (nested JSON metadata) and after (multi-stream append)', () => {
    const [first, second, third] = chainEvents(prepareEvents(STREAM, events, 0, ids), GENESIS_HASH);
    const legacy = [first!, second!].map((event, index) => ({
      ...throughTheWire(toEventData(event), STREAM, BigInt(index), 1000n + BigInt(index)),
      metadata: legacyEnvelope(event.content, {
        streamVersion: event.content.streamVersion,
        hash: event.hash,
        previousHash: event.previousHash,
      }),
    }));
    const appended = throughTheWire(toEventData(third!), STREAM, 2n, 2000n);
    const stored = [...legacy, appended].map(decodeStoredEvent);
    expect(stored.map((event) => event.metadata)).toEqual([
      meta,
      meta,
      { ...meta, causationId: 'c-1', extra: { importSha: 'ab' } },
    ]);
    expect(verifyChain(STREAM, stored, null)).toMatchObject({ valid: true, eventsChecked: 3, headHash: third!.hash });
  });

  it('refuses events that are not ours', () => {
    const [raw] = writeStream([events[0]!]);
    expect(() => decodeStoredEvent({ ...raw!, isJson: false })).toThrow(/is not JSON/);
    expect(() => decodeStoredEvent({ ...raw!, data: ['a'] })).toThrow(/data is not a JSON object/);
    expect(() => decodeStoredEvent({ ...raw!, metadata: { foreign: true } })).toThrow(EnvelopeError);
  });
});

describe('verifyStored', () => {
  const three = (): RawKurrentEvent[] =>
    writeStream(['one', 'two', 'three'].map((narrative) => newEvent('ProgressRecorded', { narrative })));
  /** The stream as an admin leaves it after appending copies at its end and truncating the originals. */
  const rewritten = (events: readonly RawKurrentEvent[], from: bigint): RawKurrentEvent[] =>
    events.map((event, index) => ({ ...event, revision: from + BigInt(index) }));

  it('accepts an untouched stream, whose revisions are its versions - 1', () => {
    const raw = three();
    expect(verifyStored(STREAM, raw, { highestRevisionSeen: null })).toMatchObject({ valid: true, eventsChecked: 3 });
    expect(verifyStored(STREAM, raw, { highestRevisionSeen: 2n })).toMatchObject({ valid: true, eventsChecked: 3 });
    expect(verifyStored(STREAM, [], { highestRevisionSeen: null })).toMatchObject({
      valid: true,
      eventsChecked: 0,
      headHash: GENESIS_HASH,
    });
  });

  it('reports an altered event of a rewritten stream where it stands', () => {
    const raw = three();
    const altered = rewritten([raw[0]!, { ...raw[1]!, data: { narrative: 'rewritten' } }, raw[2]!], 3n);
    expect(verifyStored(STREAM, altered, { highestRevisionSeen: null }).brokenLink).toMatchObject({
      streamVersion: 2,
      reason: 'hash_mismatch',
    });
  });

  it('reports a removed event, the last one included, which leaves no gap in the chain', () => {
    const raw = three();
    expect(
      verifyStored(STREAM, rewritten([raw[0]!, raw[2]!], 3n), { highestRevisionSeen: null }).brokenLink,
    ).toMatchObject({
      streamVersion: 2,
      reason: 'missing_event',
    });
    const lastRemoved = verifyStored(STREAM, rewritten([raw[0]!, raw[1]!], 3n), { highestRevisionSeen: null });
    expect(lastRemoved).toMatchObject({
      valid: false,
      eventsChecked: 2,
      brokenLink: { streamVersion: 3, reason: 'missing_event' },
    });
    expect(lastRemoved.brokenLink?.detail).toMatch(/appended 5 event\(s\).*chain of 2: it was truncated or rewritten/);
  });

  it('reports a stream truncated from its start, and one deleted altogether that $all still shows', () => {
    const raw = three();
    expect(verifyStored(STREAM, raw.slice(1), { highestRevisionSeen: null }).brokenLink).toMatchObject({
      streamVersion: 1,
      reason: 'missing_event',
    });
    expect(verifyStored(STREAM, [], { highestRevisionSeen: 2n }).brokenLink).toMatchObject({
      streamVersion: 1,
      reason: 'missing_event',
    });
    expect(verifyStored(STREAM, raw.slice(0, 2), { highestRevisionSeen: 2n }).brokenLink).toMatchObject({
      streamVersion: 3,
      reason: 'missing_event',
    });
  });

  it('reports an event that no longer carries our envelope as a broken link, not an exception', () => {
    const raw = three();
    const result = verifyStored(STREAM, [raw[0]!, { ...raw[1]!, metadata: { rewrittenBy: 'someone' } }, raw[2]!], {
      highestRevisionSeen: null,
    });
    expect(result).toMatchObject({
      valid: false,
      eventsChecked: 1,
      brokenLink: { streamVersion: 2, reason: 'hash_mismatch' },
    });
    expect(result.brokenLink?.detail).toMatch(/no valid "meta"/);
  });

  it('checks a checkpoint head against the events up to it, ignoring what came later', () => {
    const raw = three();
    const second = decodeStoredEvent(raw[1]!);
    expect(
      verifyStored(STREAM, raw, { checkpointHead: { streamId: STREAM, version: 2, hash: second.hash } }),
    ).toMatchObject({ valid: true, eventsChecked: 2 });
    expect(
      verifyStored(STREAM, raw, { checkpointHead: { streamId: STREAM, version: 2, hash: HASH_A } }).brokenLink,
    ).toMatchObject({
      streamVersion: 2,
      reason: 'head_mismatch',
    });
    expect(
      verifyStored(STREAM, raw.slice(0, 1), { checkpointHead: { streamId: STREAM, version: 2, hash: second.hash } })
        .brokenLink,
    ).toMatchObject({
      streamVersion: 2,
      reason: 'missing_event',
    });
  });
});

describe('appending to several streams at once', () => {
  const PLAN = 'planRegister-charnwood.0190f3c2-bbbb-7bbb-8ccc-123456789abc';
  const registered = newEvent('PlanRegistered', { title: 'Equality plan 2025' });
  const created = newEvent('ActionCreated', { reference: '1.3', title: 'Publish the plan' });
  const progress = newEvent('ProgressRecorded', { status: 'in_progress' });
  const append = (streamId: string, expectedVersion: StreamAppend['expectedVersion']): StreamAppend => ({
    streamId,
    events: [progress],
    expectedVersion,
  });

  /** The plan stream at version 1 as KurrentDB holds it, and its tip. */
  function planAtVersionOne(): { raw: RawKurrentEvent; tip: { revision: bigint; hash: string } } {
    const [raw] = writeStream([newEvent('PlanDrafted', { title: 'Draft' })], PLAN);
    return { raw: raw!, tip: { revision: 0n, hash: decodeStoredEvent(raw!).hash } };
  }

  function plannedPair(): { planned: PlannedAppend[]; planRaw: RawKurrentEvent } {
    const { raw, tip } = planAtVersionOne();
    return {
      planRaw: raw,
      planned: [
        planStreamAppend(PLAN, [registered], 1, tip, ids),
        planStreamAppend(STREAM, [created, progress], NO_STREAM, null, ids),
      ],
    };
  }

  it('refuses an empty list, a stream named twice (in any case), and ANY', () => {
    expect(() => assertAppendList([])).toThrow(InvalidEventError);
    expect(() => assertAppendList([append(STREAM, 0), append(STREAM, NO_STREAM)])).toThrow(/appears twice/);
    const shouting = STREAM.replace('aaaa', 'AAAA');
    expect(() => assertAppendList([append(STREAM, 0), append(shouting, 0)])).toThrow(InvalidEventError);
    expect(() => assertAppendList([append(STREAM, 0), append(shouting, 0)])).toThrow(/differ only in case/);
    expect(() => assertAppendList([append(STREAM, ANY as unknown as number)])).toThrow(/ANY/);
    expect(() => assertAppendList([append(STREAM, 0), append(PLAN, NO_STREAM), append(PLAN + 'x', 3)])).not.toThrow();
  });

  it('plans each stream against its own tip: exact revision, versions and hash chain continued from it', () => {
    const { planned } = plannedPair();
    const [plan, action] = planned;
    expect(plan?.plan).toMatchObject({ expectedRevision: 0n, currentVersion: 1 });
    expect(plan?.events.map((event) => event.content.streamVersion)).toEqual([2]);
    expect(plan?.events[0]?.previousHash).toBe(plan?.plan.previousHash);
    expect(action?.plan).toEqual({ expectedRevision: CLIENT_NO_STREAM, currentVersion: 0, previousHash: GENESIS_HASH });
    expect(action?.events.map((event) => event.content.streamVersion)).toEqual([1, 2]);
    expect(action?.events[1]?.previousHash).toBe(action?.events[0]?.hash);
    expect(action?.expectedVersion).toBe(NO_STREAM);
  });

  it('refuses a stream whose tip already contradicts its expectation, naming it, before anything is sent', () => {
    const { tip } = planAtVersionOne();
    let thrown: unknown;
    try {
      planStreamAppend(PLAN, [registered], NO_STREAM, tip, ids);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConcurrencyError);
    expect(thrown).toMatchObject({ streamId: PLAN, expected: NO_STREAM, actual: 1 });
  });

  it("builds the client's multiStreamAppend requests in the order given, each at its exact expected revision", () => {
    const { planned } = plannedPair();
    const requests = toAppendStreamRequests(planned);
    expect(requests.map(({ streamName, expectedState }) => ({ streamName, expectedState }))).toEqual([
      { streamName: PLAN, expectedState: 0n },
      { streamName: STREAM, expectedState: CLIENT_NO_STREAM },
    ]);
    const [planRequest, actionRequest] = requests;
    expect(planRequest?.events).toEqual(planned[0]?.events.map(toEventData));
    expect(actionRequest?.events.map((event) => [event.id, event.type, event.contentType])).toEqual(
      planned[1]?.events.map((event) => [event.content.id, event.content.type, 'application/json']),
    );
    for (const event of requests.flatMap((request) => request.events)) {
      expect(Object.values(event.metadata as object).every((value) => typeof value === 'string')).toBe(true);
    }
  });

  it("keeps each stream's chain verifiable once its events come back from KurrentDB", () => {
    const { planned, planRaw } = plannedPair();
    const [planRequest, actionRequest] = toAppendStreamRequests(planned);
    // One transaction: both streams' events share its commit position.
    const planStream = [planRaw, throughTheWire(planRequest!.events[0]!, PLAN, 1n, 5000n)];
    const actionStream = actionRequest!.events.map((event, index) =>
      throughTheWire(event, STREAM, BigInt(index), 5000n),
    );
    expect(verifyStored(PLAN, planStream, { highestRevisionSeen: null })).toMatchObject({
      valid: true,
      eventsChecked: 2,
    });
    expect(verifyStored(STREAM, actionStream, { highestRevisionSeen: null })).toMatchObject({
      valid: true,
      eventsChecked: 2,
      headHash: planned[1]?.events[1]?.hash,
    });
  });

  it("maps KurrentDB's answer back to each stream's version, in the order given", () => {
    const { planned } = plannedPair();
    const answer: MultiAppendResult = {
      position: 5000n,
      responses: [
        { streamName: STREAM, revision: 1n },
        { streamName: PLAN, revision: 1n },
      ],
    };
    expect(appendedVersions(planned, answer)).toEqual([2, 2]);
  });

  it('refuses an answer that leaves out a stream or puts it at another revision than planned', () => {
    const { planned } = plannedPair();
    expect(() =>
      appendedVersions(planned, { position: 5000n, responses: [{ streamName: PLAN, revision: 1n }] }),
    ).toThrow(/0 result\(s\) for action-charnwood/);
    expect(() =>
      appendedVersions(planned, {
        position: 5000n,
        responses: [
          { streamName: PLAN, revision: 1n },
          { streamName: STREAM, revision: 4n },
        ],
      }),
    ).toThrow(/up to revision 4 \(version 5\), not to version 2/);
  });

  it('maps a wrong expected revision on one stream to a ConcurrencyError naming that stream, with our expectation', () => {
    const { planned } = plannedPair();
    // How the client reports the server's StreamRevisionConflict for one stream of the append.
    const moved = WrongExpectedVersionError.fromRevisionConflict({
      stream: PLAN,
      expectedRevision: '0',
      actualRevision: '3',
    });
    const planMoved = multiStreamConcurrencyError(planned, moved);
    expect(planMoved).toBeInstanceOf(ConcurrencyError);
    expect(planMoved).toMatchObject({ streamId: PLAN, expected: 1, actual: 4 });

    const created = WrongExpectedVersionError.fromRevisionConflict({
      stream: STREAM,
      expectedRevision: '-1',
      actualRevision: '0',
    });
    expect(multiStreamConcurrencyError(planned, created)).toMatchObject({
      streamId: STREAM,
      expected: NO_STREAM,
      actual: 1,
    });
  });

  it('keeps ANY as the expectation of a single-stream ANY append that KurrentDB refused', () => {
    const planned = [planStreamAppend(STREAM, [progress], ANY, null, ids)];
    const refused = new WrongExpectedVersionError(undefined, {
      streamName: STREAM,
      expected: CLIENT_NO_STREAM,
      current: 0n,
    });
    expect(multiStreamConcurrencyError(planned, refused)).toMatchObject({ streamId: STREAM, expected: ANY, actual: 1 });
  });

  it('does not take a refusal naming a stream outside the append for a concurrency error of ours', () => {
    const { planned } = plannedPair();
    const elsewhere = new WrongExpectedVersionError(undefined, {
      streamName: 'action-leicester.e1',
      expected: 0n,
      current: 2n,
    });
    const mapped = multiStreamConcurrencyError(planned, elsewhere);
    expect(mapped).not.toBeInstanceOf(ConcurrencyError);
    expect(mapped.message).toMatch(/"action-leicester.e1", which the append does not name/);
  });

  it('maps the gRPC error KurrentDB sends for a conflict, decoded as multiStreamAppend decodes it', () => {
    const { planned } = plannedPair();
    const refused = convertToCommandError(revisionConflictFromTheWire(PLAN, '0', '1'));
    expect(refused).toBeInstanceOf(WrongExpectedVersionError);
    expect(refused).toMatchObject({ streamName: PLAN, expectedState: 0n, actualState: 1n });
    expect(multiStreamConcurrencyError(planned, refused as WrongExpectedVersionError)).toMatchObject({
      streamId: PLAN,
      expected: 1,
      actual: 2,
    });

    const noStream = convertToCommandError(revisionConflictFromTheWire(PLAN, '0', '-1'));
    expect(noStream).toMatchObject({ streamName: PLAN, actualState: CLIENT_NO_STREAM });
    expect(multiStreamConcurrencyError(planned, noStream as WrongExpectedVersionError)).toMatchObject({
      streamId: PLAN,
      actual: 0,
    });
  });
});

describe('the server version', () => {
  const where = 'esdb://admin:***@kurrentdb:2113?tls=false';

  it('reads the major and minor version of what the server reports', () => {
    expect(parseServerVersion('25.1.0')).toEqual({ major: 25, minor: 1 });
    expect(parseServerVersion('24.10.0')).toEqual({ major: 24, minor: 10 });
    expect(parseServerVersion(' 25.1.0-rc.1 ')).toEqual({ major: 25, minor: 1 });
    expect(parseServerVersion('26.0')).toEqual({ major: 26, minor: 0 });
    expect(parseServerVersion('unknown')).toBeNull();
    expect(parseServerVersion('')).toBeNull();
    expect(parseServerVersion('25')).toBeNull();
    expect(parseServerVersion('25.1x')).toBeNull();
  });

  it('finds multi-stream append in 25.1 and later only', () => {
    expect(supportsMultiStreamAppend({ major: 25, minor: 1 })).toBe(true);
    expect(supportsMultiStreamAppend({ major: 25, minor: 10 })).toBe(true);
    expect(supportsMultiStreamAppend({ major: 26, minor: 0 })).toBe(true);
    expect(supportsMultiStreamAppend({ major: 25, minor: 0 })).toBe(false);
    expect(supportsMultiStreamAppend({ major: 24, minor: 10 })).toBe(false);
    expect(supportsMultiStreamAppend({ major: 0, minor: 0 })).toBe(false);
  });

  it('refuses an older server in one line that names it, its version and what is needed', () => {
    expect(multiStreamAppendRefusal('25.1.0', where)).toBeNull();
    expect(multiStreamAppendRefusal('26.0.1', where)).toBeNull();
    expect(multiStreamAppendRefusal('24.10.0', where)).toBe(
      'KurrentDB at esdb://admin:***@kurrentdb:2113?tls=false is version 24.10.0; Due Regard needs 25.1 or later for atomic multi-stream appends',
    );
    expect(multiStreamAppendRefusal('25.0.0', where)).toMatch(/is version 25\.0\.0; Due Regard needs 25\.1 or later/);
    expect(multiStreamAppendRefusal('unknown', where)).toBe(
      'KurrentDB at esdb://admin:***@kurrentdb:2113?tls=false does not say which version it is (servers before 21.10 do not); Due Regard needs 25.1 or later for atomic multi-stream appends',
    );
    expect(multiStreamAppendRefusal('nightly', where)).toMatch(
      /reports its version as "nightly", which is no version number; Due Regard needs 25\.1/,
    );
    for (const reported of ['24.10.0', 'unknown', 'nightly', '']) {
      expect(multiStreamAppendRefusal(reported, where)).not.toMatch(/\n/);
    }
  });

  it("reads the version from the client's own server-features lookup, which the client keeps behind its capabilities getter", () => {
    const descriptor = Object.getOwnPropertyDescriptor(KurrentDBClient.prototype, 'capabilities');
    expect(typeof descriptor?.get).toBe('function');
  });
});

// ---------------------------------------------------------------------------------------------
// The gRPC error KurrentDB sends when a multi-stream append's expectation fails: FAILED_PRECONDITION
// with a google.rpc.Status in the `grpc-status-details-bin` trailer whose detail is a
// StreamRevisionConflictErrorDetails (KurrentDB's ApiErrors.StreamRevisionConflict). The detail is
// encoded with the client's own generated message; Status and Any are three fields, encoded here.
// ---------------------------------------------------------------------------------------------

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return bytes;
}

function lengthDelimited(field: number, bytes: Uint8Array | readonly number[]): number[] {
  return [(field << 3) | 2, ...varint(bytes.length), ...bytes];
}

function revisionConflictFromTheWire(stream: string, expectedRevision: string, actualRevision: string): Error {
  const details = new errorDetails.StreamRevisionConflictErrorDetails();
  details.setStream(stream);
  details.setExpectedRevision(expectedRevision);
  details.setActualRevision(actualRevision);
  const typeUrl = 'type.googleapis.com/kurrentdb.protocol.v2.streams.errors.StreamRevisionConflictErrorDetails';
  const message = `Append failed due to a revision conflict on stream '${stream}'`;
  const any = [...lengthDelimited(1, Buffer.from(typeUrl)), ...lengthDelimited(2, details.serializeBinary())];
  const FAILED_PRECONDITION = 9;
  const status = Buffer.from([
    (1 << 3) | 0,
    ...varint(FAILED_PRECONDITION),
    ...lengthDelimited(2, Buffer.from(message)),
    ...lengthDelimited(3, any),
  ]);
  return Object.assign(new Error(`${FAILED_PRECONDITION} FAILED_PRECONDITION: ${message}`), {
    code: FAILED_PRECONDITION,
    details: message,
    metadata: {
      getMap: (): Record<string, string> => ({}),
      get: (key: string): Buffer[] => (key === 'grpc-status-details-bin' ? [status] : []),
    },
  });
}
