// Part 3 in a process of its own: Emmett switches pg's global type parsers (bigint, JSON) when it
// loads, which must not touch the process that measures our store. Started early by the main
// process; reads its job as one JSON line on stdin, reports a PartResult as one JSON line on
// stdout; progress goes to stderr.
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { countRoundTrips, ResourceProbe } from '../shared/measure.js';
import { runWriters } from '../shared/writers.js';
import type { PartResult } from './ours.js';
import { buildWorkload, type AppendTask, type WorkloadShape } from './workload.js';

export interface EmmettJob {
  readonly connectionString: string;
  readonly adminUrl: string;
  readonly database: string;
  readonly shape: WorkloadShape;
}

function log(message: string): void {
  process.stderr.write(`bench[emmett] ${message}\n`);
}

async function readJob(): Promise<EmmettJob> {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += String(chunk);
  if (input.trim() === '') process.exit(0); // the main process ended before part 3
  return JSON.parse(input) as EmmettJob;
}

async function main(): Promise<void> {
  const job = await readJob();
  countRoundTrips();
  const workload = buildWorkload(job.shape);
  // Emmett's default pool is pg's (10 connections); give it as many as there are writers, like the others.
  const pool = new pg.Pool({
    connectionString: job.connectionString,
    max: job.shape.writers,
    application_name: 'bench-emmett',
  });
  pool.on('error', (error) => log(`idle connection failed: ${error.message}`));
  const store = getPostgreSQLEventStore(job.connectionString, { connectionOptions: { pool } });
  let probe: ResourceProbe | null = null;
  try {
    await store.schema.migrate();
    probe = await ResourceProbe.open(job.adminUrl, job.database);
    const append = async (task: AppendTask): Promise<void> => {
      const result = await store.appendToStream(task.streamId, [task.event], {
        expectedStreamVersion: BigInt(task.version - 1),
      });
      if (result.nextExpectedStreamVersion !== BigInt(task.version)) {
        throw new Error(
          `Emmett answered version ${result.nextExpectedStreamVersion} for ${task.streamId}, expected ${task.version}`,
        );
      }
    };

    log(`warm-up: ${job.shape.warmupAppends} appends`);
    await runWriters(workload.warmup, append);

    log(`timed: ${job.shape.appends} appends, ${job.shape.writers} writers, ${job.shape.streams} streams`);
    await probe.begin();
    const run = await runWriters(workload.timed, append);
    const usage = await probe.end(run.operations);
    log(`appends: ${(run.operations / run.seconds).toFixed(0)} events/s`);

    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM emt_messages');
    const expected = job.shape.appends + job.shape.warmupAppends;
    if (rows[0]?.n !== expected) throw new Error(`emt_messages holds ${rows[0]?.n} rows, expected ${expected}`);

    const result: PartResult = {
      events: run.operations,
      seconds: run.seconds,
      p50Ms: run.p50Ms,
      p99Ms: run.p99Ms,
      usage,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await probe?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench[emmett] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
