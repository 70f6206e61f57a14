import { generateKeyPairSync } from 'node:crypto';
import { CheckpointSigner, NO_STREAM, PostgresEventStore, START, type GlobalPosition } from '@due-regard/event-store';
import { createDatabase } from '../shared/databases.js';
import { ResourceProbe, type ResourceUsage } from '../shared/measure.js';
import { runWriters, type WritersRun } from '../shared/writers.js';
import type { AppendTask, Workload } from './workload.js';

export interface PartResult {
  readonly events: number;
  readonly seconds: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly usage: ResourceUsage | null;
}

export interface OursResult {
  readonly append: PartResult;
  /** Each append to two streams at once (one event each), atomically. */
  readonly multiStreamAppend: PartResult;
  readonly readAll: PartResult;
}

const READ_ALL_BATCH = 1000;
const VISIBLE_WAIT_MS = 30_000;

function log(message: string): void {
  process.stderr.write(`bench[ours] ${message}\n`);
}

function newSigner(): CheckpointSigner {
  const { privateKey } = generateKeyPairSync('ed25519');
  return CheckpointSigner.fromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'bench');
}

async function appendOne(store: PostgresEventStore, task: AppendTask): Promise<void> {
  const expected = task.version === 1 ? NO_STREAM : task.version - 1;
  const result = await store.append(task.streamId, [task.event], expected);
  if (result.nextExpectedVersion !== task.version) {
    throw new Error(
      `append to ${task.streamId} answered version ${result.nextExpectedVersion}, expected ${task.version}`,
    );
  }
}

/** The task's event, and a copy, to two streams of its own at once: one command touching two aggregates. */
async function appendPair(store: PostgresEventStore, task: AppendTask): Promise<void> {
  const expected = task.version === 1 ? NO_STREAM : task.version - 1;
  const results = await store.appendStreams([
    { streamId: `${task.streamId}-a`, events: [task.event], expectedVersion: expected },
    { streamId: `${task.streamId}-b`, events: [task.event], expectedVersion: expected },
  ]);
  for (const result of results) {
    if (result.nextExpectedVersion !== task.version) {
      throw new Error(`a pair append to ${task.streamId} answered version ${result.nextExpectedVersion}`);
    }
  }
}

/** Reads the whole log from START in batches; the number of events and where it stopped. */
async function scanAll(
  store: PostgresEventStore,
): Promise<{ events: number; position: GlobalPosition; batches: number }> {
  let position: GlobalPosition = START;
  let events = 0;
  let batches = 0;
  for (;;) {
    const batch = await store.readAll({ after: position, batchSize: READ_ALL_BATCH });
    batches += 1;
    events += batch.events.length;
    const moved = batch.position.commit !== position.commit || batch.position.prepare !== position.prepare;
    position = batch.position;
    if (batch.caughtUp || !moved) return { events, position, batches };
  }
}

/** Parts 1 and 4: our appends, then read-all over what they wrote, in one fresh database. */
export async function runOurs(workload: Workload, adminUrl: string): Promise<OursResult> {
  const database = await createDatabase('es_ours');
  log(`database ${database.name}`);
  let store: PostgresEventStore | null = null;
  let probe: ResourceProbe | null = null;
  try {
    store = await PostgresEventStore.create({ connectionString: database.url, signer: newSigner() });
    const open = store;
    probe = await ResourceProbe.open(adminUrl, database.name);

    log(`warm-up: ${workload.shape.warmupAppends} appends`);
    await runWriters(workload.warmup, (task) => appendOne(open, task));

    log(
      `timed: ${workload.shape.appends} appends, ${workload.shape.writers} writers, ${workload.shape.streams} streams`,
    );
    await probe.begin();
    const run: WritersRun = await runWriters(workload.timed, (task) => appendOne(open, task));
    const appendUsage = await probe.end(run.operations);
    log(`appends: ${(run.operations / run.seconds).toFixed(0)} events/s`);

    log(`timed: ${workload.shape.appends} appends to two streams at once`);
    await probe.begin();
    const pairs: WritersRun = await runWriters(workload.timed, (task) => appendPair(open, task));
    const pairUsage = await probe.end(pairs.operations * 2);
    log(`two-stream appends: ${((pairs.operations * 2) / pairs.seconds).toFixed(0)} events/s`);

    const expectedTotal = 3 * workload.shape.appends + workload.shape.warmupAppends;
    const firstStream = workload.timed[0]?.[0]?.streamId;
    if (firstStream) {
      const verification = await open.verifyStream(firstStream);
      if (!verification.valid)
        throw new Error(`hash chain of ${firstStream} broken: ${JSON.stringify(verification.brokenLink)}`);
    }

    // Warm-up for the scan, and proof that every event is visible to readAll (an old transaction
    // elsewhere on the server holds the high-water mark back until it ends).
    const deadline = performance.now() + VISIBLE_WAIT_MS;
    for (;;) {
      const warm = await scanAll(open);
      if (warm.events >= expectedTotal) break;
      if (performance.now() > deadline) {
        throw new Error(
          `readAll sees ${warm.events} of ${expectedTotal} events after ${VISIBLE_WAIT_MS / 1000} s: is a transaction held open on this server?`,
        );
      }
      log(
        `readAll sees ${warm.events} of ${expectedTotal} events so far; waiting for older transactions on the server`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    log(`timed: readAll over ${expectedTotal} events, batches of ${READ_ALL_BATCH}`);
    await probe.begin();
    const started = performance.now();
    const scan = await scanAll(open);
    const seconds = (performance.now() - started) / 1000;
    const scanUsage = await probe.end(scan.events);
    if (scan.events !== expectedTotal) throw new Error(`readAll read ${scan.events} events, expected ${expectedTotal}`);
    log(`readAll: ${(scan.events / seconds).toFixed(0)} events/s in ${scan.batches} batches`);

    return {
      append: { events: run.operations, seconds: run.seconds, p50Ms: run.p50Ms, p99Ms: run.p99Ms, usage: appendUsage },
      multiStreamAppend: {
        events: pairs.operations * 2,
        seconds: pairs.seconds,
        p50Ms: pairs.p50Ms,
        p99Ms: pairs.p99Ms,
        usage: pairUsage,
      },
      readAll: { events: scan.events, seconds, p50Ms: null, p99Ms: null, usage: scanUsage },
    };
  } finally {
    await probe?.close().catch(() => undefined);
    await store?.close().catch((error: unknown) => log(`close failed: ${String(error)}`));
    await database.drop();
  }
}
