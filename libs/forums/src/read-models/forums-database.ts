import { Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { PostgresCheckpointStore } from '@due-regard/event-store';
import { Database } from '@due-regard/platform';
import { applySqlMigrations, type SqlMigration } from '@due-regard/sql-migrations';

/** The forums read models' schema: forums, memberships, consents and the comparison. */
export const FORUMS_SCHEMA = 'forums_read';

const S = FORUMS_SCHEMA;

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
export const FORUMS_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'forums, memberships, consents, comparison',
    sql: `
CREATE TABLE ${S}.forums (
  slug       text PRIMARY KEY,
  name       text    NOT NULL,
  region     text    NOT NULL,
  themes     jsonb   NOT NULL,
  show_names boolean NOT NULL
);
CREATE TABLE ${S}.memberships (
  forum        text NOT NULL,
  council      text NOT NULL,
  council_name text NOT NULL,
  status       text NOT NULL,
  changed_at   timestamptz NOT NULL,
  PRIMARY KEY (forum, council)
);
CREATE INDEX memberships_by_council ON ${S}.memberships (council);
-- Each council's current scope per forum: a withdrawal deletes the row.
CREATE TABLE ${S}.consents (
  forum   text  NOT NULL,
  council text  NOT NULL,
  scope   jsonb NOT NULL,
  PRIMARY KEY (forum, council)
);
CREATE INDEX consents_by_council ON ${S}.consents (council);
-- The comparison: each consenting council's figures through its scope, from every instant they
-- changed, so the comparison reads as of any date. Written only by the forums projection.
CREATE TABLE ${S}.comparison (
  forum   text        NOT NULL,
  council text        NOT NULL,
  at      timestamptz NOT NULL,
  figures jsonb       NOT NULL,
  PRIMARY KEY (forum, council, at)
);
`,
  },
];

/** The forums read models' connections and checkpoints; migrates the schema when the app starts. */
@Injectable()
export class ForumsDatabase implements OnModuleInit {
  private checkpointStore: Promise<PostgresCheckpointStore> | null = null;

  constructor(private readonly database: Database) {}

  get pool(): pg.Pool {
    return this.database.pool;
  }

  async onModuleInit(): Promise<void> {
    await applySqlMigrations(this.pool, FORUMS_SCHEMA, FORUMS_MIGRATIONS);
  }

  checkpoints(): Promise<PostgresCheckpointStore> {
    this.checkpointStore ??= PostgresCheckpointStore.create(this.pool).catch((error: unknown) => {
      this.checkpointStore = null;
      throw error;
    });
    return this.checkpointStore;
  }
}
