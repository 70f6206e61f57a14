import type pg from 'pg';

export const IDEMPOTENCY_SCHEMA = 'http_idempotency';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'idempotency keys and the responses they answered',
    sql: `
CREATE TABLE ${IDEMPOTENCY_SCHEMA}.requests (
  tenant_id       text        NOT NULL,
  actor_id        text        NOT NULL,
  idempotency_key text        NOT NULL,
  method          text        NOT NULL,
  path            text        NOT NULL,
  body_hash       text        NOT NULL,
  state           text        NOT NULL CHECK (state IN ('in-progress', 'completed')),
  -- While in progress: when another request with the key may take over (the first one died).
  locked_until    timestamptz NOT NULL,
  response_status integer,
  -- The JSON exactly as first sent, so that a repeat is answered byte for byte.
  response_body   text,
  response_headers jsonb,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, actor_id, idempotency_key)
);
CREATE INDEX requests_by_expiry ON ${IDEMPOTENCY_SCHEMA}.requests (expires_at);
`,
  },
];

/** Applies pending migrations under an advisory lock, so that processes starting together do not race. */
export async function migrateIdempotencyStore(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${IDEMPOTENCY_SCHEMA}.migrations`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${IDEMPOTENCY_SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${IDEMPOTENCY_SCHEMA}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM ${IDEMPOTENCY_SCHEMA}.schema_migrations`,
    );
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${IDEMPOTENCY_SCHEMA}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
