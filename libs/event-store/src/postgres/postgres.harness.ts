import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@due-regard/testing';
import type { NewEvent } from '../event.js';
import type { EventStore, ExpectedVersion } from '../event-store.port.js';
import type { EventStoreHarness, HeldAppend } from '../testing/event-store-harness.js';
import type { CheckpointSigner } from '../tamper-evidence.js';
import type { SqlQuery } from './log-queries.js';
import type { Upcasters } from '../upcasting.js';
import { PostgresEventStore } from './postgres-event-store.js';

/** A PostgreSQL event store in a database of its own, dropped on dispose. */
export class PostgresHarness implements EventStoreHarness {
  private database: TestDatabase | null = null;

  async createStore(options: {
    readonly upcasters: Upcasters;
    readonly signer: CheckpointSigner;
  }): Promise<PostgresEventStore> {
    this.database ??= await createTestDatabase('dr_es');
    return PostgresEventStore.create({ connectionString: this.database.url, ...options });
  }

  get checkpointDatabaseUrl(): string {
    return this.db().url;
  }

  async holdAppendOpen(
    store: EventStore,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<HeldAppend> {
    if (!(store instanceof PostgresEventStore) || (typeof expected !== 'number' && expected !== 'no_stream')) {
      throw new Error('holdAppendOpen needs a PostgresEventStore and an exact expected version');
    }
    const client = new pg.Client({ connectionString: this.db().url });
    await client.connect();
    await client.query('BEGIN');
    const { events: held } = await store.appendWithin(client, streamId, events, expected);
    return {
      position: held[0]?.globalPosition ?? null,
      commit: async () => {
        await client.query('COMMIT');
        await client.end();
        store.announceAppend();
      },
    };
  }

  /** Runs SQL against the store's database as an attacker with table access would. */
  async sql<Row extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<Row>> {
    const client = new pg.Client({ connectionString: this.db().url });
    await client.connect();
    try {
      return await client.query<Row>(text, params);
    } finally {
      await client.end();
    }
  }

  /**
   * The plan PostgreSQL makes for `query` when it may neither scan the table, nor build a bitmap of
   * it, nor sort: a test's tables are so small that reading them whole is cheaper, and the question
   * is which index answers the query, in the order it wants.
   */
  async planThroughIndexes(query: SqlQuery): Promise<string> {
    const client = new pg.Client({ connectionString: this.db().url });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'])
        await client.query(`SET LOCAL ${setting} = off`);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.text}`, [...query.values]);
      await client.query('ROLLBACK');
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.end();
    }
  }

  async dispose(): Promise<void> {
    await this.database?.drop();
    this.database = null;
  }

  private db(): TestDatabase {
    if (!this.database) throw new Error('createStore() first');
    return this.database;
  }
}
