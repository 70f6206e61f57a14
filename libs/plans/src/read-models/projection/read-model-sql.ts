import type pg from 'pg';
import { COUNCIL_SETTING, COUNCIL_WRITER_ROLE } from '@due-regard/platform';
import { READ_MODEL_SCHEMA as S } from '../schema/entities.js';
import type { AffectedIds, CouncilRows } from './council-read-model.js';
import {
  READ_MODEL_TABLES,
  type ActionRow,
  type MeasureRow,
  type ObjectiveRow,
  type PlanRow,
  type ReadModelTable,
  type StrategyRow,
} from './read-model-rows.js';

/**
 * The projection's SQL, run on the subscription's (or a rebuild's) transaction, so that rows and
 * checkpoint commit together. Council rows are only ever touched as the writer role with the
 * council set (`enterCouncil`): row-level security confines every statement to that council.
 */

/** For the rest of the transaction: the writer role, under row-level security. */
export async function actAsWriter(tx: pg.ClientBase): Promise<void> {
  await tx.query(`SET LOCAL ROLE ${COUNCIL_WRITER_ROLE}`);
}

/** Back to the connecting user, e.g. before the subscription writes its checkpoint. */
export async function stopActingAsWriter(tx: pg.ClientBase): Promise<void> {
  await tx.query('RESET ROLE');
}

/** For the rest of the transaction (or until the next call), council rows are this council's only. */
export async function enterCouncil(tx: pg.ClientBase, tenantId: string): Promise<void> {
  await tx.query('SELECT set_config($1, $2, true)', [COUNCIL_SETTING, tenantId]);
}

/**
 * Locks the councils' projection rows, creating the missing ones: SHARE for a projection batch,
 * UPDATE for a rebuild's swap. A batch and a swap of the same council therefore never interleave.
 */
export async function lockCouncils(
  tx: pg.ClientBase,
  tenantIds: readonly string[],
  mode: 'share' | 'update',
): Promise<void> {
  const sorted = [...new Set(tenantIds)].sort();
  await tx.query(`INSERT INTO ${S}.projection_councils (tenant_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [
    sorted,
  ]);
  await tx.query(
    `SELECT tenant_id FROM ${S}.projection_councils WHERE tenant_id = ANY($1::text[]) ORDER BY tenant_id FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [sorted],
  );
}

/** The current rows of what a batch touches (every objective of each strategy touched). */
export async function loadCouncilRows(tx: pg.ClientBase, tenantId: string, ids: AffectedIds): Promise<CouncilRows> {
  const { rows } = await tx.query<{ k: 's' | 'o' | 'p' | 'a' | 'm'; r: unknown }>(
    `SELECT 's' AS k, to_jsonb(t) AS r FROM ${S}.strategies t WHERE t.tenant_id = $1 AND t.strategy_id = ANY($2::text[])
     UNION ALL SELECT 'o', to_jsonb(t) FROM ${S}.objectives t WHERE t.tenant_id = $1 AND t.strategy_id = ANY($2::text[])
     UNION ALL SELECT 'p', to_jsonb(t) FROM ${S}.plans t WHERE t.tenant_id = $1 AND t.plan_id = ANY($3::text[])
     UNION ALL SELECT 'a', to_jsonb(t) FROM ${S}.actions t WHERE t.tenant_id = $1 AND t.action_id = ANY($4::text[])
     UNION ALL SELECT 'm', to_jsonb(t) FROM ${S}.measures t WHERE t.tenant_id = $1 AND t.measure_id = ANY($5::text[])`,
    [tenantId, ids.strategyIds, ids.planIds, ids.actionIds, ids.measureIds],
  );
  // Rows the projection itself wrote, read back as JSON: the shapes are ours.
  const strategies: StrategyRow[] = [];
  const objectives: ObjectiveRow[] = [];
  const plans: PlanRow[] = [];
  const actions: ActionRow[] = [];
  const measures: MeasureRow[] = [];
  for (const { k, r } of rows) {
    if (k === 's') strategies.push(r as StrategyRow);
    else if (k === 'o') objectives.push(r as ObjectiveRow);
    else if (k === 'p') plans.push(r as PlanRow);
    else if (k === 'a') actions.push(r as ActionRow);
    else measures.push(r as MeasureRow);
  }
  return { strategies, objectives, plans, actions, measures };
}

const CHUNK = 2000;

async function writeRows(
  tx: pg.ClientBase,
  table: ReadModelTable,
  rows: readonly object[],
  conflict: 'update' | 'ignore' | 'none',
): Promise<void> {
  const { keys, columns } = READ_MODEL_TABLES[table];
  const others = columns.filter((column) => !(keys as readonly string[]).includes(column));
  const onConflict =
    conflict === 'update'
      ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET (${others.join(', ')}) = ROW(${others.map((c) => `EXCLUDED.${c}`).join(', ')})`
      : conflict === 'ignore'
        ? `ON CONFLICT (${keys.join(', ')}) DO NOTHING`
        : '';
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await tx.query(
      `INSERT INTO ${S}.${table} (${columns.join(', ')})
       SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${S}.${table}, $1::jsonb) ${onConflict}`,
      [JSON.stringify(chunk)],
    );
  }
}

/** Inserts or replaces rows (a projection batch's changes). */
export async function upsertCouncilRows(tx: pg.ClientBase, rows: CouncilRows): Promise<void> {
  await writeRows(tx, 'strategies', rows.strategies, 'update');
  await writeRows(tx, 'objectives', rows.objectives, 'update');
  await writeRows(tx, 'plans', rows.plans, 'update');
  await writeRows(tx, 'actions', rows.actions, 'update');
  await writeRows(tx, 'measures', rows.measures, 'update');
  // A snapshot of a version is the same whoever writes it.
  await writeRows(tx, 'action_snapshots', rows.actionSnapshots ?? [], 'ignore');
}

/** Replaces every row of the council entered (a rebuild's swap). */
export async function replaceCouncilRows(tx: pg.ClientBase, tenantId: string, rows: CouncilRows): Promise<void> {
  for (const table of ['measures', 'action_snapshots', 'actions', 'plans', 'objectives', 'strategies'] as const) {
    await tx.query(`DELETE FROM ${S}.${table} WHERE tenant_id = $1`, [tenantId]);
  }
  await writeRows(tx, 'strategies', rows.strategies, 'none');
  await writeRows(tx, 'objectives', rows.objectives, 'none');
  await writeRows(tx, 'plans', rows.plans, 'none');
  await writeRows(tx, 'actions', rows.actions, 'none');
  await writeRows(tx, 'measures', rows.measures, 'none');
  await writeRows(tx, 'action_snapshots', rows.actionSnapshots ?? [], 'none');
}
