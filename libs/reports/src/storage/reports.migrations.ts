import type pg from 'pg';
import { applySqlMigrations, type SqlMigration } from '@due-regard/sql-migrations';

export const REPORTS_SCHEMA = 'reports';

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
const MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'reports asked for, where each stands, and the generated files',
    sql: `
-- Where each report stands, for the status route and the pages: written by the API when asked and
-- by the worker as it generates. The report's events are the record; this is the view of them.
CREATE TABLE ${REPORTS_SCHEMA}.reports (
  report_id      text        PRIMARY KEY,
  -- Every query names the council: another council's report is never found.
  tenant_id      text        NOT NULL,
  type           text        NOT NULL CHECK (type IN ('progress', 'annual')),
  format         text        NOT NULL,
  plan_id        uuid,
  year           integer,
  as_of          date        NOT NULL,
  since          date,
  subject_title  text,
  -- Pseudonymous subject id of whoever asked first.
  requested_by   text        NOT NULL,
  requested_at   timestamptz NOT NULL,
  attempt        integer     NOT NULL,
  status         text        NOT NULL CHECK (status IN ('queued', 'running', 'ready', 'failed')),
  progress       integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  error          text,
  sha256         text,
  file_name      text,
  media_type     text,
  byte_length    integer,
  public         boolean     NOT NULL DEFAULT false,
  generated_at   timestamptz,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX reports_by_tenant ON ${REPORTS_SCHEMA}.reports (tenant_id, requested_at DESC);

-- The files, behind the ReportFiles port (this is its PostgreSQL adapter): kept per
-- REPORT_RETENTION_DAYS, then deleted; the report's events keep its SHA-256.
CREATE TABLE ${REPORTS_SCHEMA}.report_files (
  report_id   text        PRIMARY KEY,
  tenant_id   text        NOT NULL,
  content     bytea       NOT NULL,
  stored_at   timestamptz NOT NULL
);
CREATE INDEX report_files_by_age ON ${REPORTS_SCHEMA}.report_files (stored_at);
`,
  },
];

export function migrateReports(pool: pg.Pool): Promise<void> {
  return applySqlMigrations(pool, REPORTS_SCHEMA, MIGRATIONS);
}
