// `npm run bench -- projections [--seconds N] [--rate N] [--rebuild-events N] [--asof-events N]`
//
// On one PostgreSQL, each part in a fresh database of its own, dropped afterwards:
//   1. lag: a steady rate of commands (RecordProgress through the action decider, 200/s for 60 s by
//      default) while the plans projection runs as the projector runs it (a catch-up subscription
//      writing rows and checkpoint in one transaction); per command, the time from its append
//      having committed to the projection having committed its rows (the subscription's reached()).
//   2. rebuild: one council with 200,000 events, rebuilt from its events (CouncilRebuilder).
//   3. asOf: an action with 5,000 events, loaded as it stood at random instants (loadState with the
//      action decider, as the write side's asOf reads do).
// Prints a table, then as the very last line of stdout one JSON object. Diagnostics go to stderr.
import { recordDecision } from '@due-regard/commands';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  CatchUpSubscription,
  CheckpointSigner,
  loadState,
  type NewEvent,
  NO_STREAM,
  parsePosition,
  PostgresCheckpointStore,
  PostgresEventStore,
  START,
  streamName,
} from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import {
  actionDecider,
  ActionAsOfReader,
  ActionReadModel,
  CouncilRebuilder,
  PLANS_PROJECTION_SETTINGS,
  PLANS_READ_MODEL_ORM,
  PLANS_READ_MODEL_SUBSCRIPTION,
  PROJECTED_EVENT_TYPES,
  projectBatch,
} from '@due-regard/plans';
import {
  COUNCIL_READER_ROLE,
  COUNCIL_SETTING,
  CouncilReadModels,
  migrateUnderLock,
  readModelOrmOptions,
} from '@due-regard/platform';
import { generateSigningKeyPem } from '@due-regard/testing';
import { createDatabase, dropAllDatabases, dropDatabasesOnSignal, type BenchDatabase } from '../shared/databases.js';
import { fixed, formatTable } from '../shared/table.js';
import { actionAdded, metadata, progressRecorded, strategyAndPlan } from './events.js';

const TARGETS = { lagP99Ms: 100, rebuildEps: 20_000, asOfP99Ms: 20 };

interface Options {
  parts: number;
  seconds: number;
  rate: number;
  rebuildEvents: number;
  asOfEvents: number;
}

const FLAGS: Readonly<Record<string, keyof Options>> = {
  '--parts': 'parts',
  '--seconds': 'seconds',
  '--rate': 'rate',
  '--rebuild-events': 'rebuildEvents',
  '--asof-events': 'asOfEvents',
};

function parseOptions(args: readonly string[]): Options {
  const options: Options = { parts: 123, seconds: 60, rate: 200, rebuildEvents: 200_000, asOfEvents: 5_000 };
  for (let i = 0; i < args.length; i += 2) {
    const key = FLAGS[args[i] ?? ''];
    const value = Number(args[i + 1]);
    if (!key || !Number.isSafeInteger(value) || value < 1) {
      process.stderr.write(
        `bench projections: bad option "${args[i] ?? ''} ${args[i + 1] ?? ''}" (options: ${Object.keys(FLAGS).join(' N, ')} N)\n`,
      );
      process.exit(2);
    }
    options[key] = value;
  }
  return options;
}

function log(message: string): void {
  process.stderr.write(`bench projections: ${message}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Stack {
  readonly database: BenchDatabase;
  readonly store: PostgresEventStore;
  readonly orm: MikroORM;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

async function openStack(label: string): Promise<Stack> {
  const database = await createDatabase(label);
  const store = await PostgresEventStore.create({
    connectionString: database.url,
    signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'bench'),
  });
  const orm = await MikroORM.init(readModelOrmOptions(database.url, [PLANS_READ_MODEL_ORM]));
  await migrateUnderLock(orm, database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 6 });
  return {
    database,
    store,
    orm,
    pool,
    close: async () => {
      await orm.close();
      await pool.end();
      await store.close();
      await database.drop();
    },
  };
}

/** Runs `work` on every item, `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        if (item !== undefined) await work(item);
      }
    }),
  );
}

// 1. Lag ------------------------------------------------------------------------------------------

interface LagResult {
  commands: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  appendP50: number;
  appendP99: number;
  verified: number;
  verifiedStale: number;
}

async function runLag(options: Options): Promise<LagResult> {
  const stack = await openStack('proj_lag');
  try {
    const { store, pool } = stack;
    const councils = ['bench-a', 'bench-b', 'bench-c', 'bench-d'];
    const actions: { tenant: string; actionId: string; planId: string; day: number }[] = [];
    for (const tenant of councils) {
      const planId = randomUUID();
      const objectives = await strategyAndPlan(store, tenant, randomUUID(), planId);
      const ids = Array.from({ length: 50 }, () => randomUUID());
      await store.append(
        streamName('plan', tenant, planId),
        ids.map((actionId, index) => ({
          type: 'ActionRegistered',
          data: { planId, strategyId: '', actionId, ref: `1.${index + 1}` },
          metadata: metadata(tenant),
        })),
        1,
      );
      for (const [index, actionId] of ids.entries()) {
        await store.append(
          streamName('action', tenant, actionId),
          [actionAdded(tenant, planId, actionId, `1.${index + 1}`, objectives[index % 3] ?? '')],
          NO_STREAM,
        );
        actions.push({ tenant, actionId, planId, day: 0 });
      }
    }

    const checkpoints = await PostgresCheckpointStore.create(pool);
    const subscription = new CatchUpSubscription(store, checkpoints, {
      name: PLANS_READ_MODEL_SUBSCRIPTION,
      eventTypes: PROJECTED_EVENT_TYPES,
      ...PLANS_PROJECTION_SETTINGS,
      handle: async (events, tx) => {
        await projectBatch(events, tx);
      },
      onError: (error) => log(`projection error: ${error instanceof Error ? error.message : String(error)}`),
    });
    subscription.start();
    const newest = await store.newestEvent({});
    if (newest) await subscription.reached(newest.globalPosition);
    log(
      `lag: ${actions.length} actions in ${councils.length} councils projected; ${options.rate} commands/s for ${options.seconds} s`,
    );

    const reader = stack.orm.em.fork();
    const lags: number[] = [];
    const appends: number[] = [];
    let verified = 0;
    let verifiedStale = 0;
    const total = options.rate * options.seconds;
    const interval = 1000 / options.rate;
    const inFlight = new Set<Promise<void>>();
    const command = async (index: number): Promise<void> => {
      const action = actions[index % actions.length];
      if (!action) return;
      action.day += 1;
      const asOf = new Date(Date.UTC(2025, 0, action.day)).toISOString().slice(0, 10);
      const started = performance.now();
      const result = await recordDecision(
        store,
        streamName('action', action.tenant, action.actionId),
        actionDecider,
        {
          type: 'RecordProgress',
          actionId: action.actionId,
          planStatus: 'draft',
          status: 'in-progress',
          rag: (['red', 'amber', 'green'] as const)[index % 3] ?? 'green',
          narrative: `Progress ${index}`,
          asOf,
        },
        metadata(action.tenant),
      );
      const appended = performance.now();
      if (result.position === null) return;
      const position = parsePosition(result.position);
      await subscription.reached(position);
      lags.push(performance.now() - appended);
      appends.push(appended - started);
      if (index % 20 === 0) {
        // What a reader sees at that moment: the row at the new version, through the reader role.
        const em = reader.fork();
        em.setSessionContext({ role: COUNCIL_READER_ROLE, variables: { [COUNCIL_SETTING]: action.tenant } });
        const row = await em.findOne(ActionReadModel, { tenantId: action.tenant, actionId: action.actionId });
        verified += 1;
        if (!row || row.version < result.version) verifiedStale += 1;
      }
    };
    const start = performance.now();
    for (let index = 0; index < total; index += 1) {
      const due = start + index * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const run = command(index).catch((error: unknown) => log(`command failed: ${String(error)}`));
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
    }
    await Promise.all([...inFlight]);
    const seconds = (performance.now() - start) / 1000;
    await subscription.stop();
    lags.sort((a, b) => a - b);
    appends.sort((a, b) => a - b);
    return {
      commands: lags.length,
      seconds,
      p50: percentile(lags, 50),
      p99: percentile(lags, 99),
      max: lags.at(-1) ?? Number.NaN,
      appendP50: percentile(appends, 50),
      appendP99: percentile(appends, 99),
      verified,
      verifiedStale,
    };
  } finally {
    await stack.close();
  }
}

// 2. Rebuild --------------------------------------------------------------------------------------

interface RebuildRun {
  events: number;
  actions: number;
  seconds: number;
  eps: number;
}

async function runRebuild(options: Options): Promise<{ runs: RebuildRun[]; writeSeconds: number }> {
  const stack = await openStack('proj_rebuild');
  try {
    const { store, pool } = stack;
    const tenant = 'bench-rebuild';
    const eventsPerAction = 100;
    const actionCount = Math.max(1, Math.floor(options.rebuildEvents / eventsPerAction));
    const planId = randomUUID();
    const started = performance.now();
    const objectives = await strategyAndPlan(store, tenant, randomUUID(), planId);
    const ids = Array.from({ length: actionCount }, () => randomUUID());
    await store.append(
      streamName('plan', tenant, planId),
      ids.map((actionId, index) => ({
        type: 'ActionRegistered',
        data: { planId, strategyId: '', actionId, ref: `${index + 1}` },
        metadata: metadata(tenant),
      })),
      1,
    );
    let written = 0;
    await inParallel(
      ids.map((actionId, index) => ({ actionId, index })),
      4,
      async ({ actionId, index }) => {
        const events: NewEvent[] = [actionAdded(tenant, planId, actionId, `${index + 1}`, objectives[index % 3] ?? '')];
        for (let n = 1; n < eventsPerAction - 1; n += 1) events.push(progressRecorded(tenant, planId, actionId, n));
        await store.append(streamName('action', tenant, actionId), events, NO_STREAM);
        written += events.length;
        if (index % 500 === 0) log(`rebuild: ${written} events written`);
      },
    );
    const writeSeconds = (performance.now() - started) / 1000;
    // Statistics as autovacuum keeps them on a table that size: straight after a bulk load they
    // are stale, and the planner then sorts the council's whole log for every page of readAll.
    await pool.query('ANALYZE event_store.events');
    // For reference: what reading alone costs (the event store's readAll, the council's filter).
    let readStarted = performance.now();
    let after = START;
    let read = 0;
    for (;;) {
      const batch = await store.readAll({
        after,
        batchSize: 5000,
        tenantId: tenant,
        eventTypes: PROJECTED_EVENT_TYPES,
      });
      read += batch.events.length;
      after = batch.position;
      if (batch.caughtUp) break;
    }
    log(`rebuild: readAll alone: ${read} events in ${((performance.now() - readStarted) / 1000).toFixed(2)} s`);
    readStarted = 0;
    const rebuilder = new CouncilRebuilder(store, pool);
    const runs: RebuildRun[] = [];
    for (let run = 1; run <= 3; run += 1) {
      const phases = new Map<string, number>();
      const result = await rebuilder.rebuild(tenant, {
        onProgress: (progress) => {
          if (!phases.has(progress.phase)) phases.set(progress.phase, performance.now());
        },
      });
      const swapMs = (phases.get('done') ?? 0) - (phases.get('swapping') ?? 0);
      log(`rebuild run ${run}: swap (catch-up, delete, insert, commit) took ${swapMs.toFixed(0)} ms`);
      runs.push({
        events: result.events,
        actions: result.actions,
        seconds: result.seconds,
        eps: result.events / result.seconds,
      });
      log(`rebuild run ${run}: ${result.events} events, ${result.actions} actions in ${result.seconds.toFixed(2)} s`);
    }
    return { runs, writeSeconds };
  } finally {
    await stack.close();
  }
}

// 3. asOf -----------------------------------------------------------------------------------------

interface AsOfResult {
  events: number;
  samples: number;
  full: { p50: number; p99: number; max: number };
  snapshots: { p50: number; p99: number; max: number };
  mismatches: number;
}

function stats(times: number[]): { p50: number; p99: number; max: number } {
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? Number.NaN };
}

async function runAsOf(options: Options): Promise<AsOfResult> {
  const stack = await openStack('proj_asof');
  try {
    const { store, pool } = stack;
    const tenant = 'bench-asof';
    const actionId = randomUUID();
    const planId = randomUUID();
    const stream = streamName('action', tenant, actionId);
    const batches = 10;
    const perBatch = Math.ceil(options.asOfEvents / batches);
    let version = 0;
    for (let batch = 0; batch < batches; batch += 1) {
      const events: NewEvent[] = [];
      for (let i = 0; i < perBatch && version + events.length < options.asOfEvents; i += 1) {
        const n = version + events.length;
        events.push(
          n === 0
            ? actionAdded(tenant, planId, actionId, '1.1', randomUUID())
            : progressRecorded(tenant, planId, actionId, n),
        );
      }
      await store.append(stream, events, version === 0 ? NO_STREAM : version);
      version += events.length;
      await sleep(20);
    }
    // The projection keeps the snapshots the as-of reader starts from.
    const subscription = new CatchUpSubscription(store, await PostgresCheckpointStore.create(pool), {
      name: PLANS_READ_MODEL_SUBSCRIPTION,
      eventTypes: PROJECTED_EVENT_TYPES,
      ...PLANS_PROJECTION_SETTINGS,
      handle: async (events, tx) => {
        await projectBatch(events, tx);
      },
    });
    subscription.start();
    const recorded = await store.readStream(stream);
    const last = recorded.at(-1);
    if (last) await subscription.reached(last.globalPosition);
    await subscription.stop();

    const reader = new ActionAsOfReader(new CouncilReadModels(stack.orm), store);
    const context = new RequestContext();
    const inCouncil = <T>(work: () => Promise<T>): Promise<T> =>
      context.run({ tenant: { kind: 'council', slug: tenant }, correlationId: 'bench', source: 'api' }, work);
    const first = recorded[0]?.recordedAt.getTime() ?? 0;
    const lastTime = last?.recordedAt.getTime() ?? 0;
    const instant = (): Date => new Date(first + Math.random() * (lastTime - first + 1));
    for (let i = 0; i < 20; i += 1) {
      const asOf = instant();
      await loadState(store, stream, actionDecider, asOf);
      await inCouncil(() => reader.load(actionId, asOf));
    }
    const full: number[] = [];
    const snapshots: number[] = [];
    let mismatches = 0;
    for (let i = 0; i < 300; i += 1) {
      const asOf = instant();
      let started = performance.now();
      const expected = await loadState(store, stream, actionDecider, asOf);
      full.push(performance.now() - started);
      started = performance.now();
      const actual = await inCouncil(() => reader.load(actionId, asOf));
      snapshots.push(performance.now() - started);
      if (!isDeepStrictEqual(actual, expected)) mismatches += 1;
      if (expected.state.status === 'none') throw new Error('asOf found no action');
    }
    return {
      events: recorded.length,
      samples: full.length,
      full: stats(full),
      snapshots: stats(snapshots),
      mismatches,
    };
  } finally {
    await stack.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  dropDatabasesOnSignal();
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  log(`Node ${process.versions.node}, ${cpus().length} CPUs, load ${load}`);

  const wanted = (part: number): boolean => String(options.parts).includes(String(part));
  const nothing = {
    commands: 0,
    seconds: 1,
    p50: NaN,
    p99: NaN,
    max: NaN,
    appendP50: NaN,
    appendP99: NaN,
    verified: 0,
    verifiedStale: 0,
  };
  log('part 1: projection lag');
  const lag = wanted(1) ? await runLag(options) : nothing;
  log('part 2: rebuild');
  const rebuild = wanted(2) ? await runRebuild(options) : { runs: [], writeSeconds: 0 };
  log('part 3: asOf');
  const none = { p50: NaN, p99: NaN, max: NaN };
  const asOf = wanted(3)
    ? await runAsOf(options)
    : { events: 0, samples: 0, full: none, snapshots: none, mismatches: 0 };

  const rebuildEps = [...rebuild.runs.map((run) => run.eps)].sort((a, b) => a - b)[1] ?? rebuild.runs[0]?.eps ?? 0;
  const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
  const table = formatTable(
    ['part', 'what', 'count', 'p50 ms', 'p99 ms', 'max ms', 'rate', 'target'],
    [
      [
        '1 lag',
        `append → rows committed, ${options.rate}/s for ${options.seconds} s`,
        String(lag.commands),
        fixed(lag.p50, 1),
        fixed(lag.p99, 1),
        fixed(lag.max, 1),
        `${(lag.commands / lag.seconds).toFixed(0)} cmd/s`,
        `p99 < ${TARGETS.lagP99Ms} ms: ${verdict(lag.p99 < TARGETS.lagP99Ms)}`,
      ],
      [
        '1 command',
        'load, decide, append (for reference)',
        String(lag.commands),
        fixed(lag.appendP50, 1),
        fixed(lag.appendP99, 1),
        '',
        '',
        '',
      ],
      ...rebuild.runs.map((run, index) => [
        `2 rebuild #${index + 1}`,
        `one council, ${run.actions} actions`,
        String(run.events),
        '',
        '',
        fixed(run.seconds * 1000, 0),
        `${run.eps.toFixed(0)} ev/s`,
        index === 0 ? `median >= ${TARGETS.rebuildEps} ev/s: ${verdict(rebuildEps >= TARGETS.rebuildEps)}` : '',
      ]),
      [
        '3 asOf',
        `action of ${asOf.events} events: snapshot + tail`,
        String(asOf.samples),
        fixed(asOf.snapshots.p50, 2),
        fixed(asOf.snapshots.p99, 2),
        fixed(asOf.snapshots.max, 2),
        '',
        `p99 < ${TARGETS.asOfP99Ms} ms: ${verdict(asOf.snapshots.p99 < TARGETS.asOfP99Ms)}`,
      ],
      [
        '3 asOf',
        'same: loadState, whole stream',
        String(asOf.samples),
        fixed(asOf.full.p50, 2),
        fixed(asOf.full.p99, 2),
        fixed(asOf.full.max, 2),
        '',
        '(for reference)',
      ],
    ],
  );
  const lines = [
    '',
    `projections benchmark: ${cpus().length} CPUs, load at start ${load}; the ${rebuild.runs[0]?.events ?? 0} rebuild events took ${rebuild.writeSeconds.toFixed(1)} s to write`,
    '',
    table,
    `  lag: read-model reads sampled through the reader role: ${lag.verified}, of which stale: ${lag.verifiedStale}`,
    `  asOf: snapshot + tail answers that differed from loadState's: ${asOf.mismatches} of ${asOf.samples}`,
    '',
  ];
  const json = {
    lag_p50_ms: Number(lag.p50.toFixed(1)),
    lag_p99_ms: Number(lag.p99.toFixed(1)),
    rebuild_eps: Math.round(rebuildEps),
    asof_p99_ms: Number(asOf.snapshots.p99.toFixed(2)),
  };
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(json)}\n`);
}

async function fail(error: unknown): Promise<never> {
  process.stderr.write(
    `bench projections failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await dropAllDatabases(true);
  process.exit(1);
}

process.on('uncaughtException', (error) => void fail(error));
main().then(() => process.exit(0), fail);
