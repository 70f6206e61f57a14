import pg from 'pg';
import type { GlobalPosition } from '../event.js';
import { START } from '../position.js';

/**
 * Subscription checkpoints live in PostgreSQL beside the read models, whichever event store feeds
 * them: a handler's writes and its checkpoint then commit in one transaction.
 */
export class PostgresCheckpointStore {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  /** The table exists once the PostgreSQL event store has migrated this schema; otherwise it is created. */
  static async create(pool: pg.Pool, schema = 'event_store'): Promise<PostgresCheckpointStore> {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.subscription_checkpoints (
         subscription_name text PRIMARY KEY, commit_position xid8 NOT NULL,
         prepare_position bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    return new PostgresCheckpointStore(pool, schema);
  }

  async load(subscriptionName: string): Promise<GlobalPosition> {
    const { rows } = await this.pool.query<{ commit_position: string; prepare_position: string }>(
      `SELECT commit_position::text, prepare_position FROM ${this.schema}.subscription_checkpoints WHERE subscription_name = $1`,
      [subscriptionName],
    );
    const row = rows[0];
    return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : START;
  }

  /**
   * Runs `work` in a transaction and moves the checkpoint from `from` to `to` in it. Refuses (and
   * rolls back) when another runner of the same subscription moved it first.
   */
  async advance(
    subscriptionName: string,
    from: GlobalPosition,
    to: GlobalPosition,
    work: (tx: pg.PoolClient) => Promise<void>,
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      const { rowCount } = await client.query(
        `INSERT INTO ${this.schema}.subscription_checkpoints AS c (subscription_name, commit_position, prepare_position)
         VALUES ($1, $2::xid8, $3)
         ON CONFLICT (subscription_name) DO UPDATE
           SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()
           WHERE c.commit_position = $4::xid8 AND c.prepare_position = $5`,
        [
          subscriptionName,
          to.commit.toString(),
          to.prepare.toString(),
          from.commit.toString(),
          from.prepare.toString(),
        ],
      );
      if (rowCount !== 1) throw new CheckpointMovedError(subscriptionName);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async reset(subscriptionName: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.schema}.subscription_checkpoints WHERE subscription_name = $1`, [
      subscriptionName,
    ]);
  }
}

export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
  constructor(readonly subscriptionName: string) {
    super(`Subscription ${subscriptionName}: its checkpoint was moved by another runner`);
  }
}
