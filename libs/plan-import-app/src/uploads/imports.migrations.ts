import type pg from 'pg';

export const IMPORTS_SCHEMA = 'plan_imports';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'uploaded plan documents, their previews and commits',
    sql: `
CREATE TABLE ${IMPORTS_SCHEMA}.imports (
  import_id          uuid        PRIMARY KEY,
  -- Every query names the council: another council's import is never found.
  tenant_id          text        NOT NULL,
  -- Pseudonymous subject id of the uploader.
  uploaded_by        text        NOT NULL,
  file_name          text        NOT NULL,
  media_type         text,
  byte_length        integer     NOT NULL,
  sha256             text        NOT NULL,
  content            bytea       NOT NULL,
  quarter_convention text        NOT NULL CHECK (quarter_convention IN ('calendar', 'financial')),
  column_mapping     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- Bumped by each re-parse (a new column mapping): a job for an older one writes nothing.
  generation         integer     NOT NULL DEFAULT 1,
  status             text        NOT NULL
                     CHECK (status IN ('queued', 'parsing', 'ready', 'failed', 'committing', 'committed')),
  progress           integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  error_code         text,
  error_message      text,
  -- The full PlanPreview (what a commit appends) and the titles and periods read from the document.
  preview            jsonb,
  defaults           jsonb,
  -- What the commit created, or what it had created when it stopped.
  commit_result      jsonb,
  committed_by       text,
  committed_at       timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX imports_by_tenant ON ${IMPORTS_SCHEMA}.imports (tenant_id, created_at);
`,
  },
];

/** Applies pending migrations under an advisory lock, so that processes starting together do not race. */
export async function migrateImports(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${IMPORTS_SCHEMA}.migrations`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${IMPORTS_SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${IMPORTS_SCHEMA}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${IMPORTS_SCHEMA}.schema_migrations`);
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${IMPORTS_SCHEMA}.schema_migrations (version, name) VALUES ($1, $2)`, [
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
