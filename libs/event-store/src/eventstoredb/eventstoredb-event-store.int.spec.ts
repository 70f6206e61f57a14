import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { generateSigningKeyPem } from '@due-regard/testing';
import { ConcurrencyError } from '../errors.js';
import type { RecordedEvent } from '../event.js';
import { ANY, NO_STREAM, type EventStore } from '../event-store.port.js';
import { comparePositions, START } from '../position.js';
import { CheckpointSigner } from '../tamper-evidence.js';
import { Upcasters } from '../upcasting.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { toClientConnectionString } from './eventstoredb-mapping.js';
import { EventStoreDbHarness } from './eventstoredb.harness.js';

const eventStoreUrl = process.env.EVENTSTORE_URL;

if (eventStoreUrl) {
  // Imported only when it runs, so that this file still loads (and reports the skip) without a server.
  const { describeEventStoreContract, freshTenant, progressRecorded, uniqueStream } =
    await import('../testing/event-store-contract.js');

  describeEventStoreContract('EventStoreDB', () => new EventStoreDbHarness({ eventStoreUrl }));

  describe('EventStoreDB event store, beyond the contract', () => {
    const harness = new EventStoreDbHarness({ eventStoreUrl });
    let store: EventStore;

    beforeAll(async () => {
      store = await harness.createStore({
        upcasters: new Upcasters(),
        signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'esdb'),
      });
    });

    afterAll(async () => {
      await store.close();
      await harness.dispose();
    });

    async function streamOfThree(tenant: string): Promise<string> {
      const stream = uniqueStream(tenant);
      await store.append(
        stream,
        ['one', 'two', 'three'].map((n) => progressRecorded(tenant, n)),
        NO_STREAM,
      );
      return stream;
    }

    it('reports an event altered by rewriting the stream as the first broken link', async () => {
      const tenant = freshTenant('alter');
      const stream = await streamOfThree(tenant);
      await harness.tamperWithEventData(stream, 2, {
        status: 'completed',
        rag: 'green',
        narrative: 'rewritten',
        asOf: '2026-11-01',
      });

      expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect((await store.verifyStream(stream)).brokenLink).toMatchObject({
        streamId: stream,
        streamVersion: 2,
        reason: 'hash_mismatch',
      });
      expect((await store.verifyTenant(tenant)).brokenLink).toMatchObject({
        streamVersion: 2,
        reason: 'hash_mismatch',
      });
    });

    it('reports an event removed by rewriting the stream', async () => {
      const stream = await streamOfThree(freshTenant('gap'));
      await harness.deleteEvent(stream, 2);
      expect((await store.verifyStream(stream)).brokenLink).toMatchObject({
        streamVersion: 2,
        reason: 'missing_event',
      });
    });

    it("reports a stream's last event removed, which leaves no gap in the chain", async () => {
      const stream = await streamOfThree(freshTenant('tail'));
      await harness.deleteEvent(stream, 3);
      expect((await store.verifyStream(stream)).brokenLink).toMatchObject({
        streamVersion: 3,
        reason: 'missing_event',
      });
    });

    it('reports a soft-deleted stream when verifying its tenant, from what $all still shows', async () => {
      const tenant = freshTenant('gone');
      const stream = await streamOfThree(tenant);
      await harness.softDeleteStream(stream);
      expect(await store.readStream(stream)).toEqual([]);
      expect(await store.verifyTenant(tenant)).toMatchObject({
        valid: false,
        brokenLink: { streamId: stream, streamVersion: 1, reason: 'missing_event' },
      });
    });

    it('fails a signed checkpoint once a stream it names was rewritten', async () => {
      const tenant = freshTenant('forge');
      const stream = await streamOfThree(tenant);
      const checkpoint = await store.exportTenantCheckpoint(tenant);
      await harness.tamperWithEventData(stream, 3, {
        status: 'completed',
        rag: 'green',
        narrative: 'forged',
        asOf: '2026-11-01',
      });

      const check = await store.checkTenantCheckpoint(checkpoint);
      expect(check).toMatchObject({ valid: false, signatureValid: true, digestValid: true });
      expect(check.mismatches).toEqual([expect.objectContaining({ streamId: stream, version: 3 })]);
    });

    async function tenantEvents(tenant: string): Promise<RecordedEvent[]> {
      const events: RecordedEvent[] = [];
      let after = START;
      for (;;) {
        const batch = await store.readAll({ after, batchSize: 50, tenantId: tenant });
        events.push(...batch.events);
        after = batch.position;
        if (batch.caughtUp) return events;
      }
    }

    it('chains new appends onto a stream written before multi-stream append, and verifies it whole', async () => {
      const tenant = freshTenant('before');
      const stream = uniqueStream(tenant);
      await harness.appendAsBefore(stream, [progressRecorded(tenant, 'one'), progressRecorded(tenant, 'two')]);

      const [result] = await store.appendStreams([
        { streamId: stream, events: [progressRecorded(tenant, 'three')], expectedVersion: 2 },
        { streamId: uniqueStream(tenant), events: [progressRecorded(tenant, 'elsewhere')], expectedVersion: NO_STREAM },
      ]);
      expect(result?.nextExpectedVersion).toBe(3);
      expect((await store.readStream(stream)).map((e) => e.data['narrative'])).toEqual(['one', 'two', 'three']);
      expect(await store.verifyStream(stream)).toMatchObject({ valid: true, eventsChecked: 3 });
      expect(await store.verifyTenant(tenant)).toMatchObject({ valid: true, streamsChecked: 2, eventsChecked: 4 });
    });

    it('leaves no trace of a refused multi-stream append, in its streams or in $all', async () => {
      const tenant = freshTenant('refused');
      const taken = await streamOfThree(tenant);
      const fresh = uniqueStream(tenant);
      const before = await tenantEvents(tenant);

      const refused = store.appendStreams([
        { streamId: fresh, events: [progressRecorded(tenant, 'new')], expectedVersion: NO_STREAM },
        { streamId: taken, events: [progressRecorded(tenant, 'stale')], expectedVersion: 2 },
      ]);
      await expect(refused).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(refused).rejects.toMatchObject({ streamId: taken, expected: 2, actual: 3 });

      expect((await tenantEvents(tenant)).map((e) => e.id)).toEqual(before.map((e) => e.id));
      expect(await store.streamVersion(fresh)).toBe(0);
      expect(await store.verifyTenant(tenant)).toMatchObject({ valid: true, streamsChecked: 1, eventsChecked: 3 });
    });

    it('reads a quiet tenant past the events of others, so the next read does not scan them again', async () => {
      const quiet = freshTenant('quiet');
      const busy = freshTenant('busy');
      await streamOfThree(quiet);
      const first = await store.readAll({ after: START, batchSize: 100, tenantId: quiet });
      expect(first.events).toHaveLength(3);
      const lastOfQuiet = first.events.at(-1)?.globalPosition ?? START;

      const others = await store.append(uniqueStream(busy), [progressRecorded(busy, 'not for quiet')], NO_STREAM);
      const second = await store.readAll({ after: first.position, batchSize: 100, tenantId: quiet });
      expect(second).toMatchObject({ events: [], caughtUp: true });
      const othersPosition = others.events[0]?.globalPosition ?? START;
      expect(comparePositions(second.position, othersPosition)).toBeGreaterThanOrEqual(0);
      expect(comparePositions(second.position, lastOfQuiet)).toBe(1);
    });

    it('lets concurrent ANY appends all land, each chained on the one before', async () => {
      const tenant = freshTenant('any');
      const stream = uniqueStream(tenant);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => store.append(stream, [progressRecorded(tenant, `writer ${i}`)], ANY)),
      );
      expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await store.verifyStream(stream)).toMatchObject({ valid: true, eventsChecked: 6 });
    });
  });
} else {
  describe.skip('EventStoreDB adapter contract — skipped: EVENTSTORE_URL is not set (no KurrentDB server on this machine)', () => {
    it('runs only against a KurrentDB server', () => undefined);
  });
}

describe('EventStoreDbEventStore.create without a server', () => {
  it('refuses a malformed connection string without repeating its password', async () => {
    const signer = CheckpointSigner.fromPem(generateSigningKeyPem(), 'test');
    const created = EventStoreDbEventStore.create({
      connectionString: 'esdb://admin:s3cret@localhost:2113?tls=maybe',
      signer,
    });
    await expect(created).rejects.toThrow(
      /^Invalid KurrentDB connection string esdb:\/\/admin:\*\*\*@localhost:2113\?tls=maybe: /,
    );
    await expect(created).rejects.not.toThrow(/s3cret/);
  });

  it('gives the client connection strings it parses, without its console warning for the esdb:// scheme', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]): void => {
      warnings.push(args);
    };
    try {
      for (const given of [
        'esdb://admin:changeit@127.0.0.1:1?tls=false',
        'esdb+discover://127.0.0.1:1,127.0.0.2:1?tls=false',
        'kdb://127.0.0.1:1?tls=false',
      ]) {
        await KurrentDBClient.connectionString(toClientConnectionString(given)).dispose();
      }
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual([]);
  });

  it('fails fast with the address (password hidden) and the reason', async () => {
    const signer = CheckpointSigner.fromPem(generateSigningKeyPem(), 'test');
    // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
    const created = EventStoreDbEventStore.create({
      connectionString: 'kurrentdb://admin:changeit@127.0.0.1:1?tls=false',
      signer,
    });
    await expect(created).rejects.toThrow(
      /^Cannot reach KurrentDB at kurrentdb:\/\/admin:\*\*\*@127\.0\.0\.1:1\?tls=false: .*ECONNREFUSED/,
    );
    await expect(created).rejects.not.toThrow(/changeit/);
  });
});
