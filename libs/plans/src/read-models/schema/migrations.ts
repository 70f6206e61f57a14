import { Migration } from '@mikro-orm/migrations';
import { COUNCIL_READER_ROLE, COUNCIL_WRITER_ROLE, councilIsolationSql, OrmContribution } from '@due-regard/platform';
import { ACTION_SNAPSHOT_EVERY, READ_MODEL_ENTITIES, READ_MODEL_SCHEMA as S } from './entities.js';

/** Versioned and append-only: a released migration is never edited, a change is a new one. */
class PlansReadModelTables extends Migration {
  up(): void {
    this.addSql(`
CREATE SCHEMA IF NOT EXISTS ${S};
GRANT USAGE ON SCHEMA ${S} TO ${COUNCIL_READER_ROLE}, ${COUNCIL_WRITER_ROLE};

CREATE TABLE ${S}.strategies (
  tenant_id    text        NOT NULL,
  strategy_id  text        NOT NULL,
  status       text        NOT NULL,
  title        text        NOT NULL,
  period_from  date        NOT NULL,
  period_to    date        NOT NULL,
  adopted_on   date,
  published_on date,
  archived_on  date,
  version      integer     NOT NULL,
  changed_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, strategy_id)
);

CREATE TABLE ${S}.objectives (
  tenant_id    text    NOT NULL,
  strategy_id  text    NOT NULL,
  objective_id text    NOT NULL,
  position     integer NOT NULL,
  ref          text,
  title        text    NOT NULL,
  description  text,
  psed_aims    jsonb   NOT NULL,
  eflg_modules jsonb   NOT NULL,
  group_kind   text,
  group_title  text,
  retired      boolean NOT NULL,
  PRIMARY KEY (tenant_id, strategy_id, objective_id)
);

CREATE TABLE ${S}.plans (
  tenant_id          text        NOT NULL,
  plan_id            text        NOT NULL,
  strategy_id        text        NOT NULL,
  status             text        NOT NULL,
  title              text        NOT NULL,
  period_from        date        NOT NULL,
  period_to          date        NOT NULL,
  registered_actions jsonb       NOT NULL,
  approved_on        date,
  published_on       date,
  closed_on          date,
  version            integer     NOT NULL,
  changed_at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, plan_id)
);

CREATE TABLE ${S}.actions (
  tenant_id                 text        NOT NULL,
  action_id                 text        NOT NULL,
  plan_id                   text        NOT NULL,
  ref                       text,
  objective_id              text        NOT NULL,
  title                     text        NOT NULL,
  description               text,
  due                       jsonb       NOT NULL,
  due_text                  text,
  due_kind                  text        NOT NULL,
  due_dates                 jsonb       NOT NULL,
  due_final                 date,
  success_measures          jsonb       NOT NULL,
  leads                     jsonb       NOT NULL,
  protected_characteristics jsonb       NOT NULL,
  status                    text        NOT NULL,
  rag                       text        NOT NULL,
  latest_progress           jsonb,
  status_reason             text,
  latest_update_on          date,
  version                   integer     NOT NULL,
  changed_at                timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, action_id)
);
CREATE INDEX actions_by_plan ON ${S}.actions (tenant_id, plan_id);

-- The state of an action every ${ACTION_SNAPSHOT_EVERY} versions, so that an as-of read folds a
-- short tail of events instead of the whole stream. recorded_through: the latest recorded_at of
-- the events up to this version (a snapshot serves instants at or after it).
CREATE TABLE ${S}.action_snapshots (
  tenant_id        text        NOT NULL,
  action_id        text        NOT NULL,
  version          integer     NOT NULL,
  recorded_through timestamptz NOT NULL,
  state            jsonb       NOT NULL,
  PRIMARY KEY (tenant_id, action_id, version)
);
CREATE INDEX action_snapshots_by_time ON ${S}.action_snapshots (tenant_id, action_id, recorded_through);

CREATE TABLE ${S}.projection_councils (
  tenant_id       text PRIMARY KEY,
  rebuilt_at      timestamptz,
  rebuilt_events  integer,
  rebuilt_through text
);
GRANT SELECT, INSERT, UPDATE ON ${S}.projection_councils TO ${COUNCIL_WRITER_ROLE};
`);
    for (const table of ['strategies', 'objectives', 'plans', 'actions', 'action_snapshots']) {
      this.addSql(councilIsolationSql(`${S}.${table}`));
    }
  }
}

/** Measures (KPIs) on actions and objectives, with their readings and the RAG they earn. */
class MeasuresReadModelTable extends Migration {
  up(): void {
    this.addSql(`
CREATE TABLE ${S}.measures (
  tenant_id      text        NOT NULL,
  measure_id     text        NOT NULL,
  subject_kind   text        NOT NULL,
  parent_id      text        NOT NULL,
  subject_id     text        NOT NULL,
  title          text        NOT NULL,
  unit           text        NOT NULL,
  direction      text        NOT NULL,
  baseline       jsonb,
  target         jsonb,
  status         text        NOT NULL,
  readings       jsonb       NOT NULL,
  latest_reading jsonb,
  rag            text        NOT NULL,
  version        integer     NOT NULL,
  changed_at     timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, measure_id)
);
CREATE INDEX measures_by_subject ON ${S}.measures (tenant_id, subject_id);
`);
    this.addSql(councilIsolationSql(`${S}.measures`));
  }
}

export const PLANS_READ_MODEL_ORM = new OrmContribution('plans-read-model', READ_MODEL_ENTITIES, [
  { name: 'plans-read-model/0001-tables', class: PlansReadModelTables },
  { name: 'plans-read-model/0002-measures', class: MeasuresReadModelTable },
]);
