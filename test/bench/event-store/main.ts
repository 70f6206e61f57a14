// `npm run bench -- event-store [--appends N] [--streams N] [--writers N] [--warmup N]`
//
// On one PostgreSQL, each part in a fresh database of its own that is dropped afterwards:
//   1. ours: PostgresEventStore, one event per append with its expected version
//   2. the physical baseline: the same rows, one autocommit INSERT each, into a plain table
//   3. a peer: Emmett's PostgreSQL event store, in a child process
//   4. read-all: our readAll over everything parts 1 and 5 appended
//   5. ours: atomic appends to two streams at once (one event each), as a command touching two
//      aggregates appends
// Prints a table, then as the very last line of stdout one JSON object. Diagnostics go to stderr.
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { dropAllDatabases, dropDatabasesOnSignal, serverUrl } from '../shared/databases.js';
import { countRoundTrips } from '../shared/measure.js';
import { fixed, formatTable } from '../shared/table.js';
import { startEmmettChild, type EmmettChild } from './emmett.js';
import { runOurs, type PartResult } from './ours.js';
import { runRawInsert } from './raw.js';
import { buildWorkload, DEFAULT_SHAPE, payloadBytes, type WorkloadShape } from './workload.js';

const TARGET_RATIO_RAW = 0.8;
const TARGET_RATIO_EMMETT = 3.0;

const OPTIONS: Readonly<Record<string, keyof WorkloadShape>> = {
  '--appends': 'appends',
  '--streams': 'streams',
  '--writers': 'writers',
  '--warmup': 'warmupAppends',
};

function usageError(message: string): never {
  process.stderr.write(`bench event-store: ${message} (options: ${Object.keys(OPTIONS).join(' N, ')} N)\n`);
  process.exit(2);
}

function parseShape(args: readonly string[]): WorkloadShape {
  const shape: Record<keyof WorkloadShape, number> = { ...DEFAULT_SHAPE };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const key = OPTIONS[flag];
    if (!key) usageError(`unknown option "${flag}"`);
    const value = Number(args[i + 1]);
    if (!Number.isSafeInteger(value) || value < (key === 'warmupAppends' ? 0 : 1))
      usageError(`${flag} needs a whole number, not "${args[i + 1] ?? ''}"`);
    shape[key] = value;
  }
  if (shape.streams < shape.writers)
    usageError('--streams must be at least --writers, so that every writer owns a stream');
  shape.warmupStreams = Math.max(shape.writers, Math.min(DEFAULT_SHAPE.warmupStreams, shape.warmupAppends));
  return shape;
}

function log(message: string): void {
  process.stderr.write(`bench ${message}\n`);
}

async function serverContext(): Promise<{ version: string; otherActive: number }> {
  const client = new pg.Client({ connectionString: serverUrl(), application_name: 'bench-admin' });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; others: number }>(
      `SELECT current_setting('server_version') AS version,
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid()) AS others`,
    );
    return { version: rows[0]?.version ?? '?', otherActive: rows[0]?.others ?? 0 };
  } finally {
    await client.end();
  }
}

function row(part: string, result: PartResult): string[] {
  const usage = result.usage;
  return [
    part,
    String(result.events),
    result.seconds.toFixed(2),
    (result.events / result.seconds).toFixed(0),
    fixed(result.p50Ms, 2),
    fixed(result.p99Ms, 2),
    fixed(usage?.roundTripsPerAppend, 2),
    fixed(usage?.xactsPerAppend, 3),
    fixed(usage?.walBytesPerAppend, 0),
    fixed(usage?.nodeCpuMicrosPerAppend, 0),
    fixed(usage?.pgCpuMicrosPerAppend, 0),
    fixed(usage?.machineCpuMicrosPerAppend, 0),
    fixed(usage?.machineBusyPercent, 0),
  ];
}

let emmettChild: EmmettChild | null = null;

async function main(): Promise<void> {
  const shape = parseShape(process.argv.slice(2));
  emmettChild = startEmmettChild();
  dropDatabasesOnSignal();
  countRoundTrips();
  const workload = buildWorkload(shape);
  const adminUrl = serverUrl();
  const context = await serverContext();
  const bytes = payloadBytes(workload);
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  log(
    `PostgreSQL ${context.version}, Node ${process.versions.node}, ${cpus().length} CPUs, load ${load}, ` +
      `${context.otherActive} other active sessions on the server; events: data ${bytes.data} B, metadata ${bytes.metadata} B`,
  );
  if (context.otherActive > 0)
    log('warning: other sessions are busy on this server; numbers may be lower than on a quiet machine');

  log('part 1 (ours) and part 4 (read-all)');
  const ours = await runOurs(workload, adminUrl);
  log('part 2 (raw INSERT baseline)');
  const raw = await runRawInsert(workload, adminUrl);
  log('part 3 (Emmett, child process)');
  const emmett = await emmettChild.run(workload, adminUrl);

  const eps = (result: PartResult): number => result.events / result.seconds;
  const ratioRaw = eps(ours.append) / eps(raw);
  const ratioEmmett = eps(ours.append) / eps(emmett);
  const table = formatTable(
    [
      'part',
      'events',
      'seconds',
      'events/s',
      'p50 ms',
      'p99 ms',
      'RT/ev',
      'xact/ev',
      'WAL B/ev',
      'node µs/ev',
      'PG µs/ev',
      'all µs/ev',
      'busy %',
    ],
    [
      row('1 ours: append, expected version', ours.append),
      row('2 raw INSERT, 1 row per transaction', raw),
      row('3 Emmett appendToStream', emmett),
      row('5 ours: one append to 2 streams', ours.multiStreamAppend),
      row('4 ours: readAll, batches of 1000', ours.readAll),
    ],
  );
  const verdict = (value: number, target: number): string => (value >= target ? 'met' : 'MISSED');
  const lines = [
    '',
    `event-store benchmark: ${shape.appends} appends of one event, ${shape.writers} writers, ${shape.streams} streams ` +
      `(${shape.warmupAppends} warm-up appends first); PostgreSQL ${context.version}, ${cpus().length} CPUs, load at start ${load}`,
    '',
    table,
    '  per event (ev): RT = client round trips; xact = transaction ids assigned on the server (write transactions);',
    '  WAL B = WAL bytes written; node µs = CPU of the benchmark process (Emmett: its child); PG µs = CPU of the',
    "  PostgreSQL backends serving the part's database; all µs = CPU of the whole machine (includes PostgreSQL's",
    '  WAL writer, the kernel and anything else running). busy % = share of all CPUs busy during the part.',
    '',
    `ratio_raw    = ours / raw    = ${ratioRaw.toFixed(2)}  (target >= ${TARGET_RATIO_RAW}: ${verdict(ratioRaw, TARGET_RATIO_RAW)})`,
    `ratio_emmett = ours / Emmett = ${ratioEmmett.toFixed(2)}  (target >= ${TARGET_RATIO_EMMETT}: ${verdict(ratioEmmett, TARGET_RATIO_EMMETT)})`,
  ];
  const missed = [
    ...(ratioRaw >= TARGET_RATIO_RAW ? [] : [`ratio_raw >= ${TARGET_RATIO_RAW}`]),
    ...(ratioEmmett >= TARGET_RATIO_EMMETT ? [] : [`ratio_emmett >= ${TARGET_RATIO_EMMETT}`]),
  ];
  lines.push(missed.length === 0 ? 'targets: all met' : `targets MISSED: ${missed.join(', ')}`, '');
  const json = {
    ours_eps: Math.round(eps(ours.append)),
    raw_insert_eps: Math.round(eps(raw)),
    emmett_eps: Math.round(eps(emmett)),
    ratio_raw: Number(ratioRaw.toFixed(2)),
    ratio_emmett: Number(ratioEmmett.toFixed(2)),
    readall_eps: Math.round(eps(ours.readAll)),
    multi_stream_eps: Math.round(eps(ours.multiStreamAppend)),
    multi_stream_appends_per_s: Math.round(eps(ours.multiStreamAppend) / 2),
  };
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(json)}\n`);
}

async function fail(error: unknown): Promise<never> {
  emmettChild?.kill();
  process.stderr.write(
    `bench event-store failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await dropAllDatabases();
  process.exit(1);
}

process.on('uncaughtException', (error) => void fail(error));
main().then(() => process.exit(0), fail);
