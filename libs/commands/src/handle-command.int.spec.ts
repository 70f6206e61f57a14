import {
  CheckpointSigner,
  NO_STREAM,
  PostgresEventStore,
  streamName,
  type EventMetadata,
  type EventStore,
} from '@due-regard/event-store';
import type { Decider, DomainEvent } from '@due-regard/shared-kernel';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { createTestDatabase, generateSigningKeyPem, type TestDatabase } from '@due-regard/testing';
import { commandRecordStream } from './command-record.js';
import { ContendedCommandError, IdempotencyKeyReusedError, PreconditionFailedError } from './errors.js';
import { handleCommand } from './handle-command.js';

type Tally = { readonly count: number };
type Counted = DomainEvent<'Counted', { readonly by: number }>;
type Count = { readonly by: number };

/** A stream that counts: enough to show what the write path does with any decider. */
const tallyDecider: Decider<Count, Counted, Tally> = {
  eventTypes: ['Counted'],
  initialState: () => ({ count: 0 }),
  decide: (command) => {
    if (command.by <= 0) throw new DomainRuleViolation('Count up only', 'count_up_only', 'by');
    return [{ type: 'Counted', data: { by: command.by } }];
  },
  evolve: (state, event) => ({ count: state.count + event.data.by }),
};

const metadata = (): EventMetadata => ({
  tenantId: 'charnwood',
  actorId: 'editor-subject',
  correlationId: 'correlation',
  causationId: null,
  occurredAt: '2026-12-07T10:00:00.000Z',
  source: 'api',
});

let sequence = 0;
const tally = (): string => streamName('tally', 'charnwood', `t${process.pid}-${(sequence += 1)}`);

describe('handleCommand: the one write path', () => {
  let database: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase('dr_cmd');
    store = await PostgresEventStore.create({
      connectionString: database.url,
      signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'test'),
    });
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const count = (streamId: string, by: number, ifMatch?: number) =>
    handleCommand(store, { metadata }, async (session) => {
      const { state } = await session.load(streamId, tallyDecider, { ifMatch });
      const version = session.record(streamId, tallyDecider.decide({ by }, state));
      return { streamId, version };
    });

  it('appends what every stream of a command decided, together, at the versions read', async () => {
    const first = tally();
    const second = tally();
    await count(first, 1);

    const result = await handleCommand(store, { metadata }, async (session) => {
      const { state } = await session.load(first, tallyDecider);
      session.record(first, tallyDecider.decide({ by: 2 }, state));
      const version = session.record(second, tallyDecider.decide({ by: 5 }, tallyDecider.initialState()));
      return { version };
    });

    expect(result.version).toBe(1);
    expect(result.position).toMatch(/^\d+\/\d+$/);
    expect((await store.readStream(first)).map((e) => e.data['by'])).toEqual([1, 2]);
    expect((await store.readStream(second)).map((e) => e.data['by'])).toEqual([5]);
  });

  it('records nothing of a command whose second decision is refused', async () => {
    const first = tally();
    const second = tally();
    const refused = handleCommand(store, { metadata }, async (session) => {
      const { state } = await session.load(first, tallyDecider);
      session.record(first, tallyDecider.decide({ by: 1 }, state));
      session.record(second, tallyDecider.decide({ by: 0 }, tallyDecider.initialState()));
      return {};
    });
    await expect(refused).rejects.toBeInstanceOf(DomainRuleViolation);
    expect(await store.streamVersion(first)).toBe(0);
    expect(await store.streamVersion(second)).toBe(0);
  });

  it('refuses a stale If-Match before deciding (412), recording nothing', async () => {
    const stream = tally();
    await count(stream, 1);
    await count(stream, 1);
    await expect(count(stream, 1, 1)).rejects.toMatchObject({ streamId: stream, expected: 1, actual: 2 });
    await expect(count(stream, 1, 1)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('refuses with 412 when the stream moves between an If-Match read and the append', async () => {
    const stream = tally();
    await count(stream, 1);
    const raced = handleCommand(store, { metadata }, async (session) => {
      const { state } = await session.load(stream, tallyDecider, { ifMatch: 1 });
      await store.append(stream, [{ type: 'Counted', data: { by: 10 }, metadata: metadata() }], 1);
      session.record(stream, tallyDecider.decide({ by: 1 }, state));
      return {};
    });
    await expect(raced).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.readStream(stream)).map((e) => e.data['by'])).toEqual([1, 10]);
  });

  it('decides again on fresh state when writers without If-Match collide: none lost, none refused', async () => {
    const stream = tally();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => count(stream, 1)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await store.streamVersion(stream)).toBe(20);
    const versions = results.map((r) => (r.status === 'fulfilled' ? r.value.version : 0)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives up with a true 409 when others keep writing first, recording nothing of its own', async () => {
    const stream = tally();
    const mine = tally();
    await count(stream, 1);
    let attempts = 0;
    const contended = handleCommand(store, { metadata, maxAttempts: 3 }, async (session) => {
      attempts += 1;
      const { state, version } = await session.load(stream, tallyDecider);
      await store.append(stream, [{ type: 'Counted', data: { by: 1 }, metadata: metadata() }], version);
      session.record(stream, tallyDecider.decide({ by: 1 }, state));
      session.record(mine, tallyDecider.decide({ by: 1 }, tallyDecider.initialState()));
      return {};
    });
    await expect(contended).rejects.toBeInstanceOf(ContendedCommandError);
    await expect(contended).rejects.toMatchObject({ code: 'concurrent_changes' });
    expect(attempts).toBe(3);
    expect(await store.streamVersion(mine)).toBe(0);
  });

  it('answers a repeated Idempotency-Key with the first answer and records once', async () => {
    const stream = tally();
    const idempotency = {
      tenantId: 'charnwood',
      actorId: 'editor-subject',
      key: `k-${stream}`,
      fingerprint: 'POST /x h1',
    };
    const once = () =>
      handleCommand(store, { metadata, idempotency }, async (session) => {
        const { state } = await session.load(stream, tallyDecider);
        const version = session.record(stream, tallyDecider.decide({ by: 1 }, state));
        return { id: 'answer', version };
      });

    const first = await once();
    const again = await once();
    const concurrently = await Promise.all([once(), once(), once()]);

    expect(again).toEqual(first);
    for (const repeat of concurrently) expect(repeat).toEqual(first);
    expect(await store.streamVersion(stream)).toBe(1);
    expect(await store.streamVersion(commandRecordStream(idempotency))).toBe(1);
    await expect(
      handleCommand(store, { metadata, idempotency: { ...idempotency, fingerprint: 'POST /x other' } }, () =>
        Promise.resolve({}),
      ),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('commits a command handled inside another command once, with the outer one', async () => {
    const outer = tally();
    const inner = tally();
    const result = await handleCommand(store, { metadata }, async (session) => {
      const nested = await count(inner, 3);
      expect(nested.position).toBeNull();
      expect(await store.streamVersion(inner)).toBe(0);
      const { state } = await session.load(inner, tallyDecider);
      expect(state.count).toBe(3);
      session.record(outer, tallyDecider.decide({ by: 1 }, tallyDecider.initialState()));
      return { nested: nested.version };
    });
    expect(result.nested).toBe(1);
    expect(await store.streamVersion(inner)).toBe(1);
    expect(await store.streamVersion(outer)).toBe(1);
  });

  it('appends nothing when nothing was decided', async () => {
    const stream = tally();
    const result = await handleCommand(store, { metadata }, async (session) => {
      await session.load(stream, tallyDecider);
      return { version: session.versionOf(stream) };
    });
    expect(result).toEqual({ version: 0, position: null });
    expect(await store.streamVersion(stream)).toBe(0);
    expect(NO_STREAM).toBe('no_stream');
  });
});
