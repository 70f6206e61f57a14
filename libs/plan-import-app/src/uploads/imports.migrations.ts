import type pg from 'pg';
import { applySqlMigrations, type SqlMigration } from '@due-regard/sql-migrations';

export const IMPORTS_SCHEMA = 'plan_imports';

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
const MIGRATIONS: readonly SqlMigration[] = [
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
  {
    version: 2,
    name: 'purging uploads after the retention: committed ones keep their metadata',
    sql: `
-- A purged committed upload keeps its file name, SHA-256, size, who uploaded and committed it, when,
-- and what the commit created; its bytes and preview are gone.
ALTER TABLE ${IMPORTS_SCHEMA}.imports ALTER COLUMN content DROP NOT NULL;
ALTER TABLE ${IMPORTS_SCHEMA}.imports ADD COLUMN purged_at timestamptz;
ALTER TABLE ${IMPORTS_SCHEMA}.imports
  ADD CONSTRAINT imports_content_until_purged CHECK ((content IS NULL) = (purged_at IS NOT NULL));
CREATE INDEX imports_to_purge ON ${IMPORTS_SCHEMA}.imports (updated_at) WHERE purged_at IS NULL;
`,
  },
  {
    version: 3,
    name: 'the officer reading of rows: which are groups, objectives, actions, continuations',
    sql: `
-- Kept with the upload like the column mapping: "line 12" → "objective"; the preview is read again with it.
ALTER TABLE ${IMPORTS_SCHEMA}.imports ADD COLUMN row_roles jsonb NOT NULL DEFAULT '{}'::jsonb;
`,
  },
];

export function migrateImports(pool: pg.Pool): Promise<void> {
  return applySqlMigrations(pool, IMPORTS_SCHEMA, MIGRATIONS);
}
