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
  {
    version: 2,
    name: 'atomic appends to several streams (units)',
    sql: (s) => `
DROP FUNCTION ${s}.append_batch(text[], text[], bigint[], integer[], text[]);

-- Appends a batch of units (group commit) in the caller's transaction. A unit is one command's
-- appends to one or more streams: all of them are recorded, or none is. Each unit is judged on its
-- own: a failed expectation on any of its streams yields one refusal row (naming that append) and
-- leaves the other units be. Hashes chain inside the database so that a stream's head is read and
-- advanced under its row lock.
CREATE FUNCTION ${s}.append_units(
  p_stream_ids text[],
  p_tenant_ids text[],
  p_expected   bigint[],
  p_counts     integer[],
  p_canonical  text[],
  p_unit_sizes integer[]
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
  v_append     integer := 1;   -- the unit's first append
  v_event      integer := 1;   -- the first event of the append being applied
  v_unit_event integer;        -- the unit's first event
  v_exists     boolean[];
  v_versions   bigint[];
  v_heads      bytea[];
  v_tenant     text;
  v_version    bigint;
  v_prev       bytea;
  v_docs       jsonb[] := '{}';
  v_hashes     bytea[] := '{}';
  v_kept       integer;
  v_refused    integer;
  v_outcome    text;
  v_actual     bigint;
  u            integer;
  i            integer;
  j            integer;
  k            integer;
BEGIN
  -- A unit locks several stream rows: taking every lock of the batch in one order first keeps
  -- concurrent batches from deadlocking.
  IF coalesce(array_length(p_unit_sizes, 1), 0) < coalesce(array_length(p_stream_ids, 1), 0) THEN
    PERFORM 1 FROM ${s}.streams st WHERE st.stream_id = ANY (p_stream_ids) ORDER BY st.stream_id FOR UPDATE;
  END IF;

  FOR u IN 1 .. coalesce(array_length(p_unit_sizes, 1), 0) LOOP
    v_refused := NULL;
    v_unit_event := v_event;
    v_kept := coalesce(array_length(v_docs, 1), 0);

    IF p_unit_sizes[u] = 1 THEN
      -- One stream (most appends): check, chain and write it in one pass.
      i := v_append;
      SELECT st.tenant_id, st.version, st.head_hash INTO v_tenant, v_version, v_prev
        FROM ${s}.streams st WHERE st.stream_id = p_stream_ids[i] FOR UPDATE;
      IF NOT FOUND AND p_expected[i] <> 0 THEN
        v_refused := i; v_outcome := 'conflict'; v_actual := 0;
      ELSIF FOUND AND v_tenant <> p_tenant_ids[i] THEN
        v_refused := i; v_outcome := 'tenant_mismatch'; v_actual := v_version;
      ELSIF FOUND AND v_version <> p_expected[i] THEN
        v_refused := i; v_outcome := 'conflict'; v_actual := v_version;
      ELSE
        v_exists := ARRAY[FOUND];
        IF NOT FOUND THEN
          v_prev := decode(repeat('00', 32), 'hex');
        END IF;
        FOR j IN v_event .. v_event + p_counts[i] - 1 LOOP
          v_prev := sha256(v_prev || convert_to(p_canonical[j], 'UTF8'));
          v_docs := v_docs || p_canonical[j]::jsonb;
          v_hashes := v_hashes || v_prev;
        END LOOP;
        IF v_exists[1] THEN
          UPDATE ${s}.streams st
            SET version = p_expected[i] + p_counts[i], head_hash = v_prev, updated_at = now()
            WHERE st.stream_id = p_stream_ids[i];
        ELSE
          INSERT INTO ${s}.streams (stream_id, tenant_id, version, head_hash)
            VALUES (p_stream_ids[i], p_tenant_ids[i], p_counts[i], v_prev)
            ON CONFLICT (stream_id) DO NOTHING;
          IF NOT FOUND THEN
            -- A concurrent transaction created the stream after our read: its events stand, ours do not.
            v_refused := i; v_outcome := 'conflict';
            SELECT st.version INTO v_actual FROM ${s}.streams st WHERE st.stream_id = p_stream_ids[i];
          END IF;
        END IF;
      END IF;
      v_event := v_event + p_counts[i];
      v_append := v_append + 1;
      IF v_refused IS NOT NULL THEN
        v_docs := v_docs[1 : v_kept];
        v_hashes := v_hashes[1 : v_kept];
        append_index := v_refused; outcome := v_outcome; actual_version := v_actual;
        RETURN NEXT;
      END IF;
      CONTINUE;
    END IF;

    v_exists := '{}';
    v_versions := '{}';
    v_heads := '{}';
    -- Every expectation of the unit is checked before anything of it is written.
    FOR i IN v_append .. v_append + p_unit_sizes[u] - 1 LOOP
      SELECT st.tenant_id, st.version, st.head_hash INTO v_tenant, v_version, v_prev
        FROM ${s}.streams st WHERE st.stream_id = p_stream_ids[i] FOR UPDATE;
      IF NOT FOUND THEN
        IF p_expected[i] <> 0 THEN
          v_refused := i; v_outcome := 'conflict'; v_actual := 0;
          EXIT;
        END IF;
        v_exists := v_exists || false;
        v_versions := v_versions || 0::bigint;
        v_heads := v_heads || decode(repeat('00', 32), 'hex');
      ELSIF v_tenant <> p_tenant_ids[i] THEN
        v_refused := i; v_outcome := 'tenant_mismatch'; v_actual := v_version;
        EXIT;
      ELSIF v_version <> p_expected[i] THEN
        v_refused := i; v_outcome := 'conflict'; v_actual := v_version;
        EXIT;
      ELSE
        v_exists := v_exists || true;
        v_versions := v_versions || v_version;
        v_heads := v_heads || v_prev;
      END IF;
    END LOOP;

    IF v_refused IS NULL THEN
      FOR i IN v_append .. v_append + p_unit_sizes[u] - 1 LOOP
        k := i - v_append + 1;
        v_prev := v_heads[k];
        FOR j IN v_event .. v_event + p_counts[i] - 1 LOOP
          v_prev := sha256(v_prev || convert_to(p_canonical[j], 'UTF8'));
          v_docs := v_docs || p_canonical[j]::jsonb;
          v_hashes := v_hashes || v_prev;
        END LOOP;
        v_event := v_event + p_counts[i];
        IF v_exists[k] THEN
          UPDATE ${s}.streams st
            SET version = p_expected[i] + p_counts[i], head_hash = v_prev, updated_at = now()
            WHERE st.stream_id = p_stream_ids[i];
        ELSE
          INSERT INTO ${s}.streams (stream_id, tenant_id, version, head_hash)
            VALUES (p_stream_ids[i], p_tenant_ids[i], p_counts[i], v_prev)
            ON CONFLICT (stream_id) DO NOTHING;
          IF NOT FOUND THEN
            -- A concurrent transaction created the stream after our check: its events stand; this
            -- unit's do not, so what it already wrote to earlier streams is put back.
            v_refused := i; v_outcome := 'conflict';
            SELECT st.version INTO v_actual FROM ${s}.streams st WHERE st.stream_id = p_stream_ids[i];
            FOR j IN v_append .. i - 1 LOOP
              k := j - v_append + 1;
              IF v_exists[k] THEN
                UPDATE ${s}.streams st SET version = v_versions[k], head_hash = v_heads[k]
                  WHERE st.stream_id = p_stream_ids[j];
              ELSE
                DELETE FROM ${s}.streams st WHERE st.stream_id = p_stream_ids[j];
              END IF;
            END LOOP;
            EXIT;
          END IF;
        END IF;
      END LOOP;
    END IF;

    IF v_refused IS NOT NULL THEN
      v_docs := v_docs[1 : v_kept];
      v_hashes := v_hashes[1 : v_kept];
      append_index := v_refused; outcome := v_outcome; actual_version := v_actual;
      RETURN NEXT;
      -- Past the refused unit's events, however far it got.
      v_event := v_unit_event;
      FOR i IN v_append .. v_append + p_unit_sizes[u] - 1 LOOP
        v_event := v_event + p_counts[i];
      END LOOP;
    END IF;
    v_append := v_append + p_unit_sizes[u];
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
