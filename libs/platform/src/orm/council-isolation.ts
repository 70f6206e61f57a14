/**
 * How read models keep councils apart: row-level security on shared tables.
 *
 * Every per-council table has a `tenant_id` column, row-level security enabled and FORCED (so that
 * even the table's owner is filtered when it is not a superuser), and one policy:
 * `tenant_id = current_setting('due_regard.council', true)`, for reading (USING) and writing (WITH
 * CHECK). Code never reads or writes those tables as the connecting user: it first switches, for
 * the transaction only, to a role that is neither superuser nor BYPASSRLS (`SET LOCAL ROLE`), with
 * the council set (`set_config(..., true)`). The app connects as a superuser in development and
 * tests, and superusers bypass row-level security: the role switch is what makes the policy apply.
 * A query that forgets its `where tenant_id = ...` still sees one council only; a query run
 * without a council set sees nothing at all.
 *
 * Why not a schema per council: one set of tables migrates once (not once per council, nor while a
 * council registers), and the database, not a search_path someone might forget to set, decides
 * what a query can see.
 */
export const COUNCIL_SETTING = 'due_regard.council';
/** Reads council rows (API queries). */
export const COUNCIL_READER_ROLE = 'due_regard_council_reader';
/** Reads and writes council rows (projections, rebuilds). */
export const COUNCIL_WRITER_ROLE = 'due_regard_council_writer';

const TABLE = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/** SQL that puts a `schema.table` with a `tenant_id` column under council isolation. For migrations. */
export function councilIsolationSql(table: string): string {
  if (!TABLE.test(table)) throw new Error(`"${table}" is not a schema-qualified lowercase table name`);
  const policy = `${table.replace('.', '_')}_council`;
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY ${policy} ON ${table}
  USING (tenant_id = current_setting('${COUNCIL_SETTING}', true))
  WITH CHECK (tenant_id = current_setting('${COUNCIL_SETTING}', true));
GRANT SELECT ON ${table} TO ${COUNCIL_READER_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${COUNCIL_WRITER_ROLE};
`;
}

/** Roles are cluster-wide: created once, tolerating another database's migration creating them at the same time. */
function createRoleSql(role: string): string {
  return `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
  -- A connecting user that is not a superuser must be a member to SET ROLE.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT ${role} TO %I', current_user);
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
`;
}

export const COUNCIL_ROLES_SQL = createRoleSql(COUNCIL_READER_ROLE) + createRoleSql(COUNCIL_WRITER_ROLE);
