import pg from 'pg';
import { createDatabase } from '../shared/databases.js';
import { ResourceProbe } from '../shared/measure.js';
import { runWriters } from '../shared/writers.js';
import type { PartResult } from './ours.js';
import type { AppendTask, Workload } from './workload.js';

function log(message: string): void {
  process.stderr.write(`bench[raw] ${message}\n`);
}

const INSERT = 'INSERT INTO raw_events (stream_id, stream_version, data, metadata) VALUES ($1, $2, $3, $4)';

/** Part 2, the physical baseline: the same rows, one autocommit INSERT each, pg Pool of 16. */
export async function runRawInsert(workload: Workload, adminUrl: string): Promise<PartResult> {
  const database = await createDatabase('es_raw');
  log(`database ${database.name}`);
  const pool = new pg.Pool({
    connectionString: database.url,
    max: workload.shape.writers,
    application_name: 'bench-raw',
  });
  pool.on('error', (error) => log(`idle connection failed: ${error.message}`));
  let probe: ResourceProbe | null = null;
  try {
    await pool.query(`CREATE TABLE raw_events (
      stream_id      text   NOT NULL,
      stream_version bigint NOT NULL,
      data           jsonb  NOT NULL,
      metadata       jsonb  NOT NULL,
      UNIQUE (stream_id, stream_version)
    )`);
    probe = await ResourceProbe.open(adminUrl, database.name);
    const insert = (task: AppendTask): Promise<unknown> =>
      pool.query(INSERT, [
        task.streamId,
        task.version,
        JSON.stringify(task.event.data),
        JSON.stringify(task.event.metadata),
      ]);

    log(`warm-up: ${workload.shape.warmupAppends} inserts`);
    await runWriters(workload.warmup, insert);

    log(`timed: ${workload.shape.appends} inserts, ${workload.shape.writers} writers`);
    await probe.begin();
    const run = await runWriters(workload.timed, insert);
    const usage = await probe.end(run.operations);
    log(`inserts: ${(run.operations / run.seconds).toFixed(0)} rows/s`);

    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_events');
    const expected = workload.shape.appends + workload.shape.warmupAppends;
    if (rows[0]?.n !== expected) throw new Error(`raw_events holds ${rows[0]?.n} rows, expected ${expected}`);
    return { events: run.operations, seconds: run.seconds, p50Ms: run.p50Ms, p99Ms: run.p99Ms, usage };
  } finally {
    await probe?.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await database.drop();
  }
}
