import type pg from 'pg';
import { applySqlMigrations, type SqlMigration } from '@due-regard/sql-migrations';

export const IDEMPOTENCY_SCHEMA = 'http_idempotency';

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
const MIGRATIONS: readonly SqlMigration[] = [
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

export function migrateIdempotencyStore(pool: pg.Pool): Promise<void> {
  return applySqlMigrations(pool, IDEMPOTENCY_SCHEMA, MIGRATIONS);
}
