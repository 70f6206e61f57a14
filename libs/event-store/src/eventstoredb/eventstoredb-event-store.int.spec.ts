import { generateSigningKeyPem } from '@due-regard/testing';
import { ANY, NO_STREAM, type EventStore } from '../event-store.port.js';
import { CheckpointSigner } from '../tamper-evidence.js';
import { Upcasters } from '../upcasting.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { EventStoreDbHarness } from './eventstoredb.harness.js';

const eventStoreUrl = process.env.EVENTSTORE_URL;

if (eventStoreUrl) {
  // Imported only when it runs, so that this file still loads (and reports the skip) without a server.
  const { describeEventStoreContract, progressRecorded, uniqueStream } =
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

    const freshTenant = (prefix: string): string =>
      `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

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

  it('fails fast with the address (password hidden) and the reason', async () => {
    const signer = CheckpointSigner.fromPem(generateSigningKeyPem(), 'test');
    // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
    const created = EventStoreDbEventStore.create({
      connectionString: 'kurrentdb://admin:changeit@127.0.0.1:1?tls=false',
      signer,
    });
    await expect(created).rejects.toThrow(
      /^Cannot reach KurrentDB at kurrentdb:\/\/admin:\*\*\*@127\.0\.0\.1:1\?tls=false: /,
    );
  });
});
