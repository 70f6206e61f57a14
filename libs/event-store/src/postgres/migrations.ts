import type pg from 'pg';
import { applySqlMigrations } from '@due-regard/sql-migrations';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: (schema: string) => string;
}

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'streams, events and subscription checkpoints',
    sql: (s) => `
CREATE TABLE ${s}.streams (
  stream_id  text        PRIMARY KEY,
  tenant_id  text        NOT NULL,
  version    bigint      NOT NULL CHECK (version > 0),
  head_hash  bytea       NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX streams_by_tenant ON ${s}.streams (tenant_id, stream_id);

-- Global order is (transaction_id, global_position): readers only see transactions below the
-- oldest one still running (the snapshot's xmin), so an event that commits late is never skipped.
CREATE TABLE ${s}.events (
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  global_position bigint      GENERATED ALWAYS AS IDENTITY,
  event_id        uuid        NOT NULL,
  stream_id       text        NOT NULL,
  stream_version  bigint      NOT NULL,
  tenant_id       text        NOT NULL,
  type            text        NOT NULL,
  schema_version  integer     NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  hash            bytea       NOT NULL,
  -- Milliseconds, as JavaScript dates hold them, so that "as of this event's time" includes it.
  recorded_at     timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (transaction_id, global_position),
  UNIQUE (stream_id, stream_version)
);
CREATE INDEX events_by_tenant ON ${s}.events (tenant_id, transaction_id, global_position);
CREATE INDEX events_by_type ON ${s}.events (type, transaction_id, global_position);

CREATE TABLE ${s}.subscription_checkpoints (
  subscription_name text        PRIMARY KEY,
  commit_position   xid8        NOT NULL,
  prepare_position  bigint      NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Appends a batch of appends (group commit) in the caller's transaction. Each append is judged on
-- its own: a failed expectation yields a 'conflict' row for that append and leaves the others be.
-- Hashes chain inside the database so that a stream's head is read and advanced under its row lock.
CREATE FUNCTION ${s}.append_batch(
  p_stream_ids text[],
  p_tenant_ids text[],
  p_expected   bigint[],
  p_counts     integer[],
  p_canonical  text[]
) RETURNS TABLE (
  append_index    integer,
  outcome         text,
  actual_version  bigint,
  event_id        uuid,
  transaction_id  xid8,
  global_position bigint,
  hash            bytea,
  recorded_at     timestamptz
) LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_first   integer := 1;
  v_exists  boolean;
  v_tenant  text;
  v_version bigint;
  v_prev    bytea;
  v_docs    jsonb[] := '{}';
  v_hashes  bytea[] := '{}';
  v_kept    integer;
  i         integer;
  j         integer;
BEGIN
  FOR i IN 1 .. coalesce(array_length(p_stream_ids, 1), 0) LOOP
    SELECT st.tenant_id, st.version, st.head_hash INTO v_tenant, v_version, v_prev
      FROM ${s}.streams st WHERE st.stream_id = p_stream_ids[i] FOR UPDATE;
    v_exists := FOUND;

    IF NOT v_exists AND p_expected[i] <> 0 THEN
      append_index := i; outcome := 'conflict'; actual_version := 0;
    ELSIF v_exists AND v_tenant <> p_tenant_ids[i] THEN
      append_index := i; outcome := 'tenant_mismatch'; actual_version := v_version;
    ELSIF v_exists AND v_version <> p_expected[i] THEN
      append_index := i; outcome := 'conflict'; actual_version := v_version;
    ELSE
      outcome := NULL;
    END IF;
    IF outcome IS NOT NULL THEN
      RETURN NEXT;
      v_first := v_first + p_counts[i];
      CONTINUE;
    END IF;

    IF NOT v_exists THEN
      v_prev := decode(repeat('00', 32), 'hex');
    END IF;
    v_kept := coalesce(array_length(v_docs, 1), 0);
    FOR j IN v_first .. v_first + p_counts[i] - 1 LOOP
      v_prev := sha256(v_prev || convert_to(p_canonical[j], 'UTF8'));
      v_docs := v_docs || p_canonical[j]::jsonb;
      v_hashes := v_hashes || v_prev;
    END LOOP;

    IF v_exists THEN
      UPDATE ${s}.streams st
        SET version = p_expected[i] + p_counts[i], head_hash = v_prev, updated_at = now()
        WHERE st.stream_id = p_stream_ids[i];
    ELSE
      INSERT INTO ${s}.streams (stream_id, tenant_id, version, head_hash)
        VALUES (p_stream_ids[i], p_tenant_ids[i], p_counts[i], v_prev)
        ON CONFLICT (stream_id) DO NOTHING;
      IF NOT FOUND THEN
        -- A concurrent transaction created the stream after our read: its events stand, ours do not.
        v_docs := v_docs[1 : v_kept];
        v_hashes := v_hashes[1 : v_kept];
        append_index := i; outcome := 'conflict';
        SELECT st.version INTO actual_version FROM ${s}.streams st WHERE st.stream_id = p_stream_ids[i];
        RETURN NEXT;
      END IF;
    END IF;
    v_first := v_first + p_counts[i];
  END LOOP;

  RETURN QUERY
  INSERT INTO ${s}.events AS e
    (event_id, stream_id, stream_version, tenant_id, type, schema_version, data, metadata, hash)
  SELECT (d.doc->>'id')::uuid, d.doc->>'streamId', (d.doc->>'streamVersion')::bigint,
         d.doc->'metadata'->>'tenantId', d.doc->>'type', (d.doc->>'schemaVersion')::integer,
         d.doc->'data', d.doc->'metadata', d.hash
    FROM unnest(v_docs, v_hashes) WITH ORDINALITY AS d(doc, hash, n)
    ORDER BY d.n
  RETURNING NULL::integer, 'ok'::text, NULL::bigint, e.event_id, e.transaction_id, e.global_position, e.hash, e.recorded_at;
END
$fn$;
`,
  },
];

/** The event store's tables in `schema`, brought up to date. */
export function migrate(pool: pg.Pool, schema: string): Promise<void> {
  return applySqlMigrations(
    pool,
    schema,
    EVENT_STORE_MIGRATIONS.map((migration) => ({ ...migration, sql: migration.sql(schema) })),
  );
}
