import { createHash } from 'node:crypto';
import pg from 'pg';
import { generateSigningKeyPem } from '@due-regard/testing';
import { ConcurrencyError, InvalidEventError } from '../errors.js';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '../event.js';
import { ANY, NO_STREAM, type EventAtPosition, type EventStore, type ReadStreamOptions } from '../event-store.port.js';
import { comparePositions, START } from '../position.js';
import { streamName } from '../stream-name.js';
import { PostgresCheckpointStore } from '../subscriptions/checkpoint-store.js';
import { CatchUpSubscription } from '../subscriptions/catch-up-subscription.js';
import { canonicalEventJson, chainHash, CheckpointSigner, GENESIS_HASH } from '../tamper-evidence.js';
import { Upcasters } from '../upcasting.js';
import type { EventStoreHarness } from './event-store-harness.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** How newestEvent names a recorded event. */
function atPosition(event: RecordedEvent | undefined): EventAtPosition {
  if (!event) throw new Error('No such event');
  return { eventId: event.id, globalPosition: event.globalPosition };
}

/** A tenant no earlier run has written to: KurrentDB keeps every event it ever stored. */
export function freshTenant(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

function narrativeOf(event: RecordedEvent): string {
  const narrative = event.data['narrative'];
  return typeof narrative === 'string' ? narrative : '';
}

let sequence = 0;
/** A stream id no other test uses. */
export function uniqueStream(tenantId = 'charnwood', category = 'action'): string {
  sequence += 1;
  return streamName(category, tenantId, `${process.pid}-${Date.now().toString(36)}-${sequence}`);
}

export function metadataFor(tenantId: string, overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    tenantId,
    actorId: 'f3b2c1d0-subject',
    correlationId: 'c0rre1a7-10n',
    causationId: null,
    occurredAt: '2026-11-23T10:00:00.000Z',
    source: 'api',
    ...overrides,
  };
}

export function progressRecorded(tenantId: string, narrative: string, extra: Partial<NewEvent> = {}): NewEvent {
  return {
    type: 'ProgressRecorded',
    data: { status: 'in_progress', rag: 'amber', narrative, asOf: '2026-11-01' },
    metadata: metadataFor(tenantId),
    ...extra,
  };
}

/** Waits, bounded, until `condition` holds; fails with `what` otherwise. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  attempts = 200,
): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

async function readEverything(
  store: EventStore,
  tenantId?: string,
  eventTypes?: readonly string[],
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after = START;
  for (;;) {
    const batch = await store.readAll({
      after,
      batchSize: 7,
      ...(tenantId ? { tenantId } : {}),
      ...(eventTypes ? { eventTypes } : {}),
    });
    events.push(...batch.events);
    after = batch.position;
    if (batch.caughtUp) return events;
  }
}

/**
 * The behaviour every EventStore adapter must have. Each adapter's spec calls this with its harness.
 */
export function describeEventStoreContract(adapterName: string, makeHarness: () => EventStoreHarness): void {
  describe(`${adapterName} event store contract`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    let signer: CheckpointSigner;
    const upcasters = new Upcasters([
      {
        eventType: 'ActionReworded',
        fromSchemaVersion: 1,
        upcast: (data: JsonObject): JsonObject => ({ title: data['text'] ?? null, description: null }),
      },
    ]);

    beforeAll(async () => {
      harness = makeHarness();
      signer = CheckpointSigner.fromPem(generateSigningKeyPem(), 'contract');
      store = await harness.createStore({ upcasters, signer });
    });

    afterAll(async () => {
      await store.close();
      await harness.dispose();
    });

    describe('append', () => {
      it('records events with ids, versions, positions and metadata', async () => {
        const stream = uniqueStream();
        const result = await store.append(
          stream,
          [progressRecorded('charnwood', 'first'), progressRecorded('charnwood', 'second')],
          NO_STREAM,
        );

        expect(result.nextExpectedVersion).toBe(2);
        expect(result.events.map((e) => e.streamVersion)).toEqual([1, 2]);
        for (const event of result.events) {
          expect(event.id).toMatch(UUID_V7);
          expect(event.streamId).toBe(stream);
          expect(event.schemaVersion).toBe(1);
          expect(event.metadata).toEqual(metadataFor('charnwood'));
          expect(event.recordedAt).toBeInstanceOf(Date);
        }
        const [first, second] = result.events;
        expect(first && second && comparePositions(first.globalPosition, second.globalPosition)).toBe(-1);

        const read = await store.readStream(stream);
        expect(read.map((e) => e.data['narrative'])).toEqual(['first', 'second']);
        expect(read.map((e) => e.id)).toEqual(result.events.map((e) => e.id));
        expect(await store.streamVersion(stream)).toBe(2);
      });

      it('appends after the expected version and refuses a stale one with both versions', async () => {
        const stream = uniqueStream();
        await store.append(stream, [progressRecorded('charnwood', 'one')], NO_STREAM);
        await store.append(stream, [progressRecorded('charnwood', 'two')], 1);

        const stale = store.append(stream, [progressRecorded('charnwood', 'lost update')], 1);
        await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(stale).rejects.toMatchObject({ streamId: stream, expected: 1, actual: 2 });
        expect((await store.readStream(stream)).map((e) => e.data['narrative'])).toEqual(['one', 'two']);
      });

      it('refuses NO_STREAM for a stream that exists, and a version for one that does not', async () => {
        const stream = uniqueStream();
        await store.append(stream, [progressRecorded('charnwood', 'one')], 0);
        await expect(store.append(stream, [progressRecorded('charnwood', 'again')], NO_STREAM)).rejects.toMatchObject({
          actual: 1,
        });
        await expect(store.append(uniqueStream(), [progressRecorded('charnwood', 'x')], 3)).rejects.toMatchObject({
          expected: 3,
          actual: 0,
        });
      });

      it('appends with ANY whatever the version', async () => {
        const stream = uniqueStream();
        await store.append(stream, [progressRecorded('charnwood', 'one')], ANY);
        const result = await store.append(stream, [progressRecorded('charnwood', 'two')], ANY);
        expect(result.nextExpectedVersion).toBe(2);
      });

      it('lets exactly one of many concurrent appends at the same version win', async () => {
        const stream = uniqueStream();
        await store.append(stream, [progressRecorded('charnwood', 'start')], NO_STREAM);
        const attempts = await Promise.allSettled(
          Array.from({ length: 12 }, (_, i) => store.append(stream, [progressRecorded('charnwood', `writer ${i}`)], 1)),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(11);
        for (const failure of lost) expect(failure.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.streamVersion(stream)).toBe(2);
      });

      it('commits all events of one append or none', async () => {
        const stream = uniqueStream();
        const bad: NewEvent = {
          ...progressRecorded('charnwood', 'bad'),
          metadata: metadataFor('charnwood', { occurredAt: 'yesterday' }),
        };
        await expect(
          store.append(stream, [progressRecorded('charnwood', 'good'), bad], NO_STREAM),
        ).rejects.toBeInstanceOf(InvalidEventError);
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.streamVersion(stream)).toBe(0);
      });

      it("refuses an event of another tenant in a tenant's stream", async () => {
        const stream = uniqueStream('charnwood');
        await expect(
          store.append(stream, [progressRecorded('leicestershire', 'intruder')], NO_STREAM),
        ).rejects.toBeInstanceOf(InvalidEventError);
        expect(await store.streamVersion(stream)).toBe(0);
      });

      it('refuses an empty append and a stream name without a tenant', async () => {
        await expect(store.append(uniqueStream(), [], NO_STREAM)).rejects.toBeInstanceOf(InvalidEventError);
        await expect(
          store.append('no-tenant-here', [progressRecorded('charnwood', 'x')], NO_STREAM),
        ).rejects.toBeInstanceOf(InvalidEventError);
      });
    });

    describe('appending to several streams at once', () => {
      it('records every stream of the append together, in the order given', async () => {
        const plan = uniqueStream('charnwood', 'plan');
        const action = uniqueStream('charnwood', 'action');
        await store.append(plan, [progressRecorded('charnwood', 'drafted')], NO_STREAM);

        const [planResult, actionResult] = await store.appendStreams([
          { streamId: plan, events: [progressRecorded('charnwood', 'registered')], expectedVersion: 1 },
          {
            streamId: action,
            events: [progressRecorded('charnwood', 'added'), progressRecorded('charnwood', 'progress')],
            expectedVersion: NO_STREAM,
          },
        ]);

        expect(planResult?.nextExpectedVersion).toBe(2);
        expect(actionResult?.nextExpectedVersion).toBe(2);
        const positions = [...(planResult?.events ?? []), ...(actionResult?.events ?? [])].map((e) => e.globalPosition);
        for (let i = 1; i < positions.length; i += 1) {
          const previous = positions[i - 1];
          const current = positions[i];
          expect(previous && current && comparePositions(previous, current)).toBe(-1);
        }
        expect((await store.readStream(plan)).map(narrativeOf)).toEqual(['drafted', 'registered']);
        expect((await store.readStream(action)).map(narrativeOf)).toEqual(['added', 'progress']);
        expect((await store.verifyStream(plan)).valid).toBe(true);
        expect((await store.verifyStream(action)).valid).toBe(true);
      });

      it('records nothing when the expectation of any one stream fails, and names that stream', async () => {
        const plan = uniqueStream('charnwood', 'plan');
        const taken = uniqueStream('charnwood', 'action');
        const fresh = uniqueStream('charnwood', 'action');
        await store.append(plan, [progressRecorded('charnwood', 'drafted')], NO_STREAM);
        await store.append(taken, [progressRecorded('charnwood', 'already here')], NO_STREAM);

        const refused = store.appendStreams([
          { streamId: plan, events: [progressRecorded('charnwood', 'registered')], expectedVersion: 1 },
          { streamId: fresh, events: [progressRecorded('charnwood', 'new')], expectedVersion: NO_STREAM },
          { streamId: taken, events: [progressRecorded('charnwood', 'clash')], expectedVersion: NO_STREAM },
        ]);
        await expect(refused).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(refused).rejects.toMatchObject({ streamId: taken, actual: 1 });

        expect((await store.readStream(plan)).map(narrativeOf)).toEqual(['drafted']);
        expect(await store.streamVersion(plan)).toBe(1);
        expect(await store.readStream(fresh)).toEqual([]);
        expect(await store.streamVersion(fresh)).toBe(0);
        expect((await store.readStream(taken)).map(narrativeOf)).toEqual(['already here']);
        await store.append(plan, [progressRecorded('charnwood', 'still at version 1')], 1);
        expect((await store.verifyStream(plan)).valid).toBe(true);
      });

      it('records nothing when one stream moved on, whichever position it has in the append', async () => {
        const first = uniqueStream();
        const second = uniqueStream();
        await store.append(first, [progressRecorded('charnwood', 'one')], NO_STREAM);
        await store.append(second, [progressRecorded('charnwood', 'one'), progressRecorded('charnwood', 'two')], 0);

        await expect(
          store.appendStreams([
            { streamId: first, events: [progressRecorded('charnwood', 'first moves')], expectedVersion: 1 },
            { streamId: second, events: [progressRecorded('charnwood', 'stale')], expectedVersion: 1 },
          ]),
        ).rejects.toMatchObject({ streamId: second, expected: 1, actual: 2 });
        expect(await store.streamVersion(first)).toBe(1);
        expect(await store.streamVersion(second)).toBe(2);
      });

      it('lets exactly one of many concurrent multi-stream appends sharing a stream win', async () => {
        const shared = uniqueStream('charnwood', 'plan');
        await store.append(shared, [progressRecorded('charnwood', 'drafted')], NO_STREAM);
        const own = Array.from({ length: 10 }, () => uniqueStream());
        const attempts = await Promise.allSettled(
          own.map((stream, i) =>
            store.appendStreams([
              { streamId: stream, events: [progressRecorded('charnwood', `writer ${i}`)], expectedVersion: NO_STREAM },
              { streamId: shared, events: [progressRecorded('charnwood', `registered ${i}`)], expectedVersion: 1 },
            ]),
          ),
        );
        const won = attempts.flatMap((attempt, i) => (attempt.status === 'fulfilled' ? [i] : []));
        expect(won).toHaveLength(1);
        for (const attempt of attempts) {
          if (attempt.status === 'rejected') expect(attempt.reason).toBeInstanceOf(ConcurrencyError);
        }
        const versions = await Promise.all(own.map((stream) => store.streamVersion(stream)));
        expect(versions).toEqual(own.map((_, i) => (won.includes(i) ? 1 : 0)));
        expect(await store.streamVersion(shared)).toBe(2);
      });

      it('refuses a stream named twice, an empty append and an invalid event, recording nothing', async () => {
        const stream = uniqueStream();
        const other = uniqueStream();
        await expect(
          store.appendStreams([
            { streamId: stream, events: [progressRecorded('charnwood', 'a')], expectedVersion: NO_STREAM },
            { streamId: stream, events: [progressRecorded('charnwood', 'b')], expectedVersion: NO_STREAM },
          ]),
        ).rejects.toBeInstanceOf(InvalidEventError);
        await expect(store.appendStreams([])).rejects.toBeInstanceOf(InvalidEventError);
        await expect(
          store.appendStreams([
            { streamId: stream, events: [progressRecorded('charnwood', 'good')], expectedVersion: NO_STREAM },
            { streamId: other, events: [progressRecorded('leicestershire', 'intruder')], expectedVersion: NO_STREAM },
          ]),
        ).rejects.toBeInstanceOf(InvalidEventError);
        expect(await store.streamVersion(stream)).toBe(0);
        expect(await store.streamVersion(other)).toBe(0);
      });
    });

    describe('reading a stream', () => {
      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(uniqueStream())).toEqual([]);
        expect(await store.streamVersion(uniqueStream())).toBe(0);
      });

      it('reads up to a version', async () => {
        const stream = uniqueStream();
        await store.append(
          stream,
          ['a', 'b', 'c'].map((n) => progressRecorded('charnwood', n)),
          NO_STREAM,
        );
        expect((await store.readStream(stream, { toVersion: 2 })).map((e) => e.data['narrative'])).toEqual(['a', 'b']);
      });

      it('reads up to an instant', async () => {
        const stream = uniqueStream();
        const first = await store.append(stream, [progressRecorded('charnwood', 'before')], NO_STREAM);
        const firstRecordedAt = first.events[0]?.recordedAt ?? new Date(0);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await store.append(stream, [progressRecorded('charnwood', 'after')], 1);

        const asOf = await store.readStream(stream, { toInstant: firstRecordedAt });
        expect(asOf.map((e) => e.data['narrative'])).toEqual(['before']);
        expect(await store.readStream(stream, { toInstant: new Date(firstRecordedAt.getTime() - 1) })).toEqual([]);
      });

      it('reads the events after a version, alone or up to a version or an instant', async () => {
        const stream = uniqueStream();
        await store.append(
          stream,
          ['a', 'b', 'c'].map((n) => progressRecorded('charnwood', n)),
          NO_STREAM,
        );
        await store.append(stream, [progressRecorded('charnwood', 'd')], 3);
        const narratives = async (options: ReadStreamOptions): Promise<string[]> =>
          (await store.readStream(stream, options)).map(narrativeOf);

        expect((await store.readStream(stream, { afterVersion: 2 })).map((e) => e.streamVersion)).toEqual([3, 4]);
        expect(await narratives({ afterVersion: 2 })).toEqual(['c', 'd']);
        expect(await narratives({ afterVersion: 0 })).toEqual(['a', 'b', 'c', 'd']);
        expect(await narratives({ afterVersion: 4 })).toEqual([]);
        expect(await narratives({ afterVersion: 9 })).toEqual([]);
        expect(await narratives({ afterVersion: 1, toVersion: 3 })).toEqual(['b', 'c']);
        expect(await narratives({ afterVersion: 3, toVersion: 3 })).toEqual([]);

        const whole = await store.readStream(stream);
        const cRecordedAt = whole[2]?.recordedAt ?? new Date(0);
        const afterFirstByC = whole.filter((e) => e.streamVersion > 1 && e.recordedAt <= cRecordedAt).map(narrativeOf);
        expect(afterFirstByC).toEqual(expect.arrayContaining(['b', 'c']));
        expect(await narratives({ afterVersion: 1, toInstant: cRecordedAt })).toEqual(afterFirstByC);
        const beforeAll = new Date((whole[0]?.recordedAt ?? new Date(0)).getTime() - 1);
        expect(await narratives({ afterVersion: 1, toInstant: beforeAll })).toEqual([]);
      });

      it('refuses to read after what is not a stream version', async () => {
        const stream = uniqueStream();
        await store.append(stream, [progressRecorded('charnwood', 'a')], NO_STREAM);
        await expect(store.readStream(stream, { afterVersion: -1 })).rejects.toBeInstanceOf(RangeError);
        await expect(store.readStream(stream, { afterVersion: 1.5 })).rejects.toBeInstanceOf(RangeError);
      });

      it('upcasts old schema versions on read and never rewrites what is stored', async () => {
        const stream = uniqueStream();
        await store.append(
          stream,
          [
            {
              type: 'ActionReworded',
              schemaVersion: 1,
              data: { text: 'Publish the plan' },
              metadata: metadataFor('charnwood'),
            },
          ],
          NO_STREAM,
        );

        const [event] = await store.readStream(stream);
        expect(event?.schemaVersion).toBe(2);
        expect(event?.data).toEqual({ title: 'Publish the plan', description: null });
        expect((await store.verifyStream(stream)).valid).toBe(true);
      });
    });

    describe('reading all events', () => {
      it('reads every event once, in global order, in batches, filtered by tenant and type', async () => {
        const tenant = `t${Date.now().toString(36)}`;
        const other = `${tenant}-other`;
        const appended: RecordedEvent[] = [];
        for (let i = 0; i < 9; i += 1) {
          const owner = i % 3 === 0 ? other : tenant;
          const type = i % 2 === 0 ? 'ProgressRecorded' : 'DueRevised';
          const result = await store.append(
            uniqueStream(owner),
            [{ ...progressRecorded(owner, `event ${i}`), type }],
            NO_STREAM,
          );
          appended.push(...result.events);
        }

        const all = await readEverything(store);
        const ours = all.filter((e) => appended.some((a) => a.id === e.id));
        expect(ours.map((e) => e.id)).toEqual(appended.map((e) => e.id));
        for (let i = 1; i < all.length; i += 1) {
          const previous = all[i - 1];
          const current = all[i];
          expect(previous && current && comparePositions(previous.globalPosition, current.globalPosition)).toBe(-1);
        }

        const tenantOnly = await readEverything(store, tenant);
        expect(tenantOnly.map((e) => e.id)).toEqual(
          appended.filter((e) => e.metadata.tenantId === tenant).map((e) => e.id),
        );

        const dueRevisions = await readEverything(store, tenant, ['DueRevised']);
        expect(dueRevisions.map((e) => e.id)).toEqual(
          appended.filter((e) => e.metadata.tenantId === tenant && e.type === 'DueRevised').map((e) => e.id),
        );
      });

      it('never skips an event whose transaction commits late', async () => {
        const tenant = `late${Date.now().toString(36)}`;
        const held = await harness.holdAppendOpen(
          store,
          uniqueStream(tenant),
          [progressRecorded(tenant, 'commits late')],
          NO_STREAM,
        );
        await store.append(uniqueStream(tenant), [progressRecorded(tenant, 'commits first')], NO_STREAM);

        const seen: RecordedEvent[] = [];
        let after = START;
        const readOnce = async (): Promise<void> => {
          const batch = await store.readAll({ after, batchSize: 100, tenantId: tenant });
          seen.push(...batch.events);
          after = batch.position;
        };
        await readOnce();
        await readOnce();
        // While the first append is open, the reader must not pass it, even though a later one committed.
        expect(seen.map((e) => e.data['narrative'])).not.toContain('commits late');
        if (held.position) expect(comparePositions(after, held.position)).toBe(-1);

        await held.commit();
        await eventually(async () => {
          await readOnce();
          return seen.some((e) => e.data['narrative'] === 'commits late');
        }, 'the late event is delivered');
        await eventually(async () => {
          await readOnce();
          return seen.some((e) => e.data['narrative'] === 'commits first');
        }, 'the early event is delivered');
        expect(seen.map((e) => e.data['narrative']).sort()).toEqual(['commits first', 'commits late']);
      });
    });

    describe('the newest event and the number of events a filter selects', () => {
      it("answers for a tenant, by type or not, leaving other tenants' events out", async () => {
        const tenant = freshTenant('head');
        const other = `${tenant}-other`;
        expect(await store.newestEvent({ tenantId: tenant })).toBeNull();
        expect(await store.countEvents({ tenantId: tenant })).toBe(0);

        const progress = await store.append(
          uniqueStream(tenant),
          [progressRecorded(tenant, 'one'), progressRecorded(tenant, 'two')],
          NO_STREAM,
        );
        const revised = await store.append(
          uniqueStream(tenant),
          [{ ...progressRecorded(tenant, 'due revised'), type: 'DueRevised' }],
          NO_STREAM,
        );
        const elsewhere = await store.append(uniqueStream(other), [progressRecorded(other, 'elsewhere')], NO_STREAM);

        expect(await store.newestEvent({ tenantId: tenant })).toEqual(atPosition(revised.events[0]));
        expect(await store.newestEvent({ tenantId: tenant, eventTypes: ['ProgressRecorded'] })).toEqual(
          atPosition(progress.events[1]),
        );
        expect(await store.newestEvent({ tenantId: tenant, eventTypes: ['ProgressRecorded', 'DueRevised'] })).toEqual(
          atPosition(revised.events[0]),
        );
        expect(await store.newestEvent({ tenantId: tenant, eventTypes: ['ActionReworded'] })).toBeNull();
        expect(await store.newestEvent({ tenantId: tenant, eventTypes: [] })).toBeNull();
        expect(await store.newestEvent({ tenantId: other })).toEqual(atPosition(elsewhere.events[0]));

        expect(await store.countEvents({ tenantId: tenant })).toBe(3);
        expect(await store.countEvents({ tenantId: tenant, eventTypes: ['ProgressRecorded'] })).toBe(2);
        expect(await store.countEvents({ tenantId: tenant, eventTypes: ['DueRevised', 'ActionReworded'] })).toBe(1);
        expect(await store.countEvents({ tenantId: tenant, eventTypes: [] })).toBe(0);
        expect(await store.countEvents({ tenantId: other })).toBe(1);
      });

      it('answers by type across tenants, and for the whole log', async () => {
        const probed = `Probed${freshTenant('')}`;
        const alsoProbed = `${probed}Again`;
        const [first, second] = [freshTenant('probe'), freshTenant('probe')];
        expect(await store.newestEvent({ eventTypes: [probed, alsoProbed] })).toBeNull();
        const everything = await store.countEvents({});

        await store.append(uniqueStream(first), [{ ...progressRecorded(first, 'probed'), type: probed }], NO_STREAM);
        const two = await store.append(
          uniqueStream(second),
          [{ ...progressRecorded(second, 'probed'), type: probed }, progressRecorded(second, 'not probed')],
          NO_STREAM,
        );
        const three = await store.append(
          uniqueStream(first),
          [{ ...progressRecorded(first, 'probed again'), type: alsoProbed }],
          NO_STREAM,
        );

        expect(await store.newestEvent({ eventTypes: [probed] })).toEqual(atPosition(two.events[0]));
        expect(await store.newestEvent({ eventTypes: [alsoProbed, probed] })).toEqual(atPosition(three.events[0]));
        expect(await store.countEvents({ eventTypes: [probed] })).toBe(2);
        expect(await store.countEvents({ eventTypes: [probed, alsoProbed] })).toBe(3);
        expect(await store.countEvents({ eventTypes: [] })).toBe(0);
        expect(await store.newestEvent({ eventTypes: [] })).toBeNull();

        expect(await store.newestEvent({})).toEqual(atPosition(three.events[0]));
        expect(await store.countEvents({})).toBe(everything + 4);
      });
    });

    describe('subscriptions', () => {
      let checkpointPool: pg.Pool;
      let checkpoints: PostgresCheckpointStore;

      beforeAll(async () => {
        checkpointPool = new pg.Pool({ connectionString: harness.checkpointDatabaseUrl, max: 4 });
        checkpoints = await PostgresCheckpointStore.create(checkpointPool, 'subscription_contract');
        await checkpointPool.query(
          'CREATE TABLE IF NOT EXISTS public.projected (event_id text PRIMARY KEY, narrative text NOT NULL)',
        );
      });

      afterAll(async () => {
        await checkpointPool.end();
      });

      const projectInto = async (events: readonly RecordedEvent[], tx: pg.PoolClient): Promise<void> => {
        for (const event of events) {
          await tx.query('INSERT INTO public.projected (event_id, narrative) VALUES ($1, $2)', [
            event.id,
            narrativeOf(event),
          ]);
        }
      };

      it('delivers every event after its checkpoint in order, exactly once into the same database', async () => {
        const tenant = `sub${Date.now().toString(36)}`;
        const name = `projection-${tenant}`;
        const before = await store.append(
          uniqueStream(tenant),
          ['a', 'b'].map((n) => progressRecorded(tenant, n)),
          NO_STREAM,
        );

        const delivered: string[] = [];
        let failOnce = true;
        const subscription = new CatchUpSubscription(store, checkpoints, {
          name,
          tenantId: tenant,
          pollIntervalMs: 50,
          handle: async (events, tx) => {
            await projectInto(events, tx);
            if (failOnce && events.some((e) => e.data['narrative'] === 'c')) {
              failOnce = false;
              throw new Error('projection crashed mid-batch');
            }
            delivered.push(...events.map((e) => narrativeOf(e)));
          },
        });
        subscription.start();
        await eventually(() => delivered.length === 2, 'the first two events are delivered');
        const after = await store.append(
          uniqueStream(tenant),
          ['c', 'd'].map((n) => progressRecorded(tenant, n)),
          NO_STREAM,
        );
        await eventually(() => delivered.length === 4, 'the next two events are delivered after the crash');
        await subscription.stop();

        expect(delivered).toEqual(['a', 'b', 'c', 'd']);
        const ids = [...before.events, ...after.events].map((e) => e.id);
        const { rows } = await checkpointPool.query<{ n: string }>(
          'SELECT count(*) AS n FROM public.projected WHERE event_id = ANY($1)',
          [ids],
        );
        expect(Number(rows[0]?.n)).toBe(4);

        // A new runner under the same name resumes after the checkpoint: nothing is delivered twice.
        await store.append(uniqueStream(tenant), [progressRecorded(tenant, 'e')], NO_STREAM);
        const resumed: string[] = [];
        const again = new CatchUpSubscription(store, checkpoints, {
          name,
          tenantId: tenant,
          pollIntervalMs: 50,
          handle: async (events, tx) => {
            await projectInto(events, tx);
            resumed.push(...events.map((e) => narrativeOf(e)));
          },
        });
        again.start();
        await eventually(() => resumed.length === 1, 'the event after the checkpoint is delivered');
        await again.stop();
        expect(resumed).toEqual(['e']);
      });

      it('wakes a subscriber when another store instance appends', async () => {
        const other = await harness.createStore({ upcasters, signer });
        try {
          let calls = 0;
          const unwatch = store.watchAppends(() => {
            calls += 1;
          });
          try {
            // Give the watcher's connection a moment to start listening before the append.
            await eventually(
              async () => {
                await other.append(uniqueStream(), [progressRecorded('charnwood', 'elsewhere')], NO_STREAM);
                return calls > 0;
              },
              'the watcher hears of an append made elsewhere',
              40,
            );
          } finally {
            unwatch();
          }
        } finally {
          await other.close();
        }
      });
    });

    describe('tamper evidence', () => {
      it('chains each event to the previous one by SHA-256 over RFC 8785 canonical JSON', async () => {
        const stream = uniqueStream();
        await store.append(
          stream,
          ['a', 'b'].map((n) => progressRecorded('charnwood', n)),
          NO_STREAM,
        );
        await store.append(stream, [progressRecorded('charnwood', 'c')], 2);

        let previous = GENESIS_HASH;
        for (const event of await store.readStream(stream)) {
          const canonical = canonicalEventJson(event);
          expect(canonical.startsWith('{"data":{')).toBe(true);
          const expected = createHash('sha256').update(Buffer.from(previous, 'hex')).update(canonical).digest('hex');
          expect(event.hash).toBe(expected);
          expect(chainHash(previous, canonical)).toBe(expected);
          previous = event.hash;
        }
        expect(await store.verifyStream(stream)).toMatchObject({
          valid: true,
          eventsChecked: 3,
          headHash: previous,
          brokenLink: null,
        });
      });

      it('verifies a whole tenant and checks a signed checkpoint against the log', async () => {
        const tenant = `audit${Date.now().toString(36)}`;
        for (let i = 0; i < 3; i += 1)
          await store.append(uniqueStream(tenant), [progressRecorded(tenant, `n${i}`)], NO_STREAM);

        expect(await store.verifyTenant(tenant)).toMatchObject({
          valid: true,
          streamsChecked: 3,
          eventsChecked: 3,
          brokenLink: null,
        });

        const checkpoint = await store.exportTenantCheckpoint(tenant);
        expect(checkpoint.heads).toHaveLength(3);
        expect(checkpoint.signature.algorithm).toBe('Ed25519');
        // The log may grow after a checkpoint: it still holds.
        const first = checkpoint.heads[0];
        if (first) await store.append(first.streamId, [progressRecorded(tenant, 'later')], first.version);
        expect(await store.checkTenantCheckpoint(checkpoint)).toMatchObject({
          valid: true,
          signatureValid: true,
          digestValid: true,
          mismatches: [],
        });

        const forgedHeads = checkpoint.heads.map((h, i) => (i === 0 ? { ...h, hash: 'f'.repeat(64) } : h));
        expect(await store.checkTenantCheckpoint({ ...checkpoint, heads: forgedHeads })).toMatchObject({
          valid: false,
          digestValid: false,
        });

        const foreign = CheckpointSigner.fromPem(generateSigningKeyPem(), 'someone-else').sign(
          tenant,
          checkpoint.heads,
          new Date(),
        );
        expect(await store.checkTenantCheckpoint(foreign)).toMatchObject({ valid: false, signatureValid: false });
      });
    });
  });
}
