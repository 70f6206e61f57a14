import { generateSigningKeyPem } from '@due-regard/testing';
import { NO_STREAM } from '../event-store.port.js';
import type { EventMetadata, JsonObject } from '../event.js';
import { canonicalEventJson, chainHash, CheckpointSigner, GENESIS_HASH } from '../tamper-evidence.js';
import { describeEventStoreContract, progressRecorded, uniqueStream } from '../testing/event-store-contract.js';
import { Upcasters } from '../upcasting.js';
import { PostgresHarness } from './postgres.harness.js';
import { countEventsQuery, newestEventQuery } from './log-queries.js';
import { EVENT_STORE_MIGRATIONS } from './migrations.js';
import type { PostgresEventStore } from './postgres-event-store.js';

describeEventStoreContract('PostgreSQL', () => new PostgresHarness());

describe('PostgreSQL event store, beyond the contract', () => {
  const harness = new PostgresHarness();
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = await harness.createStore({
      upcasters: new Upcasters(),
      signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'pg'),
    });
  });

  afterAll(async () => {
    await store.close();
    await harness.dispose();
  });

  async function streamOfThree(tenant = 'charnwood'): Promise<string> {
    const stream = uniqueStream(tenant);
    await store.append(
      stream,
      ['one', 'two', 'three'].map((n) => progressRecorded(tenant, n)),
      NO_STREAM,
    );
    return stream;
  }

  it('reports an event edited with plain SQL as the first broken link', async () => {
    const stream = await streamOfThree();
    await harness.sql(
      `UPDATE event_store.events SET data = jsonb_set(data, '{narrative}', '"rewritten"') WHERE stream_id = $1 AND stream_version = 2`,
      [stream],
    );

    const result = await store.verifyStream(stream);
    expect(result.valid).toBe(false);
    expect(result.brokenLink).toMatchObject({ streamId: stream, streamVersion: 2, reason: 'hash_mismatch' });
    expect((await store.verifyTenant('charnwood')).brokenLink).toMatchObject({ reason: 'hash_mismatch' });
  });

  it('reports an event deleted with plain SQL', async () => {
    const stream = await streamOfThree();
    await harness.sql('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_version = 2', [stream]);

    expect((await store.verifyStream(stream)).brokenLink).toMatchObject({ streamVersion: 2, reason: 'missing_event' });
  });

  it("reports a stream's last event deleted, which leaves no gap", async () => {
    const stream = await streamOfThree();
    await harness.sql('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_version = 3', [stream]);

    expect((await store.verifyStream(stream)).brokenLink).toMatchObject({ streamVersion: 3, reason: 'missing_event' });
  });

  it('detects an edited event whose hashes were all recomputed, through the signed checkpoint', async () => {
    const tenant = `forge${Date.now().toString(36)}`;
    const stream = await streamOfThree(tenant);
    const checkpoint = await store.exportTenantCheckpoint(tenant);
    // Rewrite the whole stream consistently: the chain verifies again, the checkpoint does not.
    await harness.sql(
      `UPDATE event_store.events SET data = jsonb_set(data, '{narrative}', '"forged"') WHERE stream_id = $1`,
      [stream],
    );
    const rows = await harness.sql(
      `SELECT event_id::text AS id, stream_version, type, schema_version, data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version`,
      [stream],
    );
    let previous = GENESIS_HASH;
    for (const row of rows.rows as {
      id: string;
      stream_version: string;
      type: string;
      schema_version: number;
      data: JsonObject;
      metadata: EventMetadata;
    }[]) {
      previous = chainHash(
        previous,
        canonicalEventJson({
          id: row.id,
          streamId: stream,
          streamVersion: Number(row.stream_version),
          type: row.type,
          schemaVersion: row.schema_version,
          data: row.data,
          metadata: row.metadata,
        }),
      );
      await harness.sql(
        `UPDATE event_store.events SET hash = decode($3, 'hex') WHERE stream_id = $1 AND stream_version = $2`,
        [stream, row.stream_version, previous],
      );
    }
    await harness.sql(`UPDATE event_store.streams SET head_hash = decode($2, 'hex') WHERE stream_id = $1`, [
      stream,
      previous,
    ]);

    expect((await store.verifyStream(stream)).valid).toBe(true);
    const check = await store.checkTenantCheckpoint(checkpoint);
    expect(check.valid).toBe(false);
    expect(check.signatureValid).toBe(true);
    expect(check.mismatches).toEqual([expect.objectContaining({ streamId: stream, version: 3 })]);
  });

  it('reads all by tenant and by type through indexes', async () => {
    await streamOfThree();
    // The table is small here, so sequential scans are switched off to see which index the planner takes.
    const plan = async (filter: string): Promise<string> => {
      const { rows } = await harness.sql<{ plan: string }>(
        `SELECT string_agg(line, E'\\n') AS plan FROM event_store.explain_read_all($1) AS line`,
        [filter],
      );
      return rows[0]?.plan ?? '';
    };
    await harness.sql(`CREATE FUNCTION event_store.explain_read_all(filter text) RETURNS SETOF text LANGUAGE plpgsql AS $$
      BEGIN
        SET LOCAL enable_seqscan = off;
        RETURN QUERY EXECUTE 'EXPLAIN SELECT * FROM event_store.events e
          WHERE (e.transaction_id, e.global_position) > (''0''::xid8, 0) AND ' || filter ||
          ' ORDER BY e.transaction_id, e.global_position LIMIT 100';
      END $$`);
    expect(await plan(`e.tenant_id = 'charnwood'`)).toContain('events_by_tenant');
    expect(await plan(`e.type = 'ProgressRecorded'`)).toContain('events_by_type');
  });

  it("finds the newest event and counts a tenant's events through the tenant and type indexes", async () => {
    await streamOfThree();
    const plan = (query: Parameters<typeof harness.planThroughIndexes>[0]): Promise<string> =>
      harness.planThroughIndexes(query);
    const eventTypes = ['ProgressRecorded', 'DueRevised'];

    // Newest: an index walked backwards, stopping at the first match.
    expect(await plan(newestEventQuery('event_store', { tenantId: 'charnwood', eventTypes }))).toMatch(
      /Limit[\s\S]*Index Scan Backward using events_by_tenant/,
    );
    expect(await plan(newestEventQuery('event_store', { tenantId: 'charnwood' }))).toMatch(
      /Index Scan Backward using events_by_tenant/,
    );
    expect(await plan(newestEventQuery('event_store', { eventTypes }))).toMatch(
      /Index Scan Backward using events_by_type/,
    );
    expect(await plan(newestEventQuery('event_store', {}))).toMatch(/Index Scan Backward using events_pkey/);
    // Counts: the tenant's entries of its index, or the types' entries of theirs.
    expect(await plan(countEventsQuery('event_store', { tenantId: 'charnwood', eventTypes }))).toContain(
      'events_by_tenant',
    );
    expect(await plan(countEventsQuery('event_store', { eventTypes }))).toContain('events_by_type');
  });

  it('migrates idempotently when several apps start at once', async () => {
    const others = await Promise.all(
      [1, 2, 3].map(() =>
        harness.createStore({
          upcasters: new Upcasters(),
          signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'x'),
        }),
      ),
    );
    await Promise.all(others.map((s) => s.close()));
    const { rows } = await harness.sql('SELECT version FROM event_store.schema_migrations ORDER BY version');
    expect(rows).toEqual(EVENT_STORE_MIGRATIONS.map(({ version }) => ({ version })));
  });
});
