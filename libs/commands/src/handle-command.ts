import { AsyncLocalStorage } from 'node:async_hooks';
import {
  comparePositions,
  ConcurrencyError,
  formatPosition,
  type EventMetadata,
  type EventStore,
  type JsonObject,
  type RecordedEvent,
} from '@due-regard/event-store';
import { COMMAND_COMPLETED, commandRecordStream, type CommandIdempotency } from './command-record.js';
import { CommandSession } from './command-session.js';
import { ContendedCommandError, IdempotencyKeyReusedError, PreconditionFailedError } from './errors.js';

export interface HandleCommandOptions {
  /** Tenant, actor, correlation, source and time of every event the command records. */
  readonly metadata: () => EventMetadata;
  /** The request's Idempotency-Key, when it has one. */
  readonly idempotency?: CommandIdempotency | undefined;
  /** How many times a command without If-Match is decided on fresh state when others write first. */
  readonly maxAttempts?: number;
}

/** What a command answers, plus where its change landed in the global order. */
export type Handled<Result> = Result & {
  /** The global position (`commit/prepare`) of the command's last event; null when nothing was recorded. */
  readonly position: string | null;
};

const DEFAULT_ATTEMPTS = 5;
const activeSession = new AsyncLocalStorage<CommandSession>();

/**
 * The one write path. `decide` loads the streams it needs through the session, asks the deciders,
 * and records their events; when it returns, every event of every stream is appended in one
 * atomic append at the versions read, or nothing is.
 *
 * - A stream that moved on between the read and the append: with the client's If-Match on it,
 *   PreconditionFailedError (412); without, the command is decided again on fresh state, a few
 *   times, then ContendedCommandError (409).
 * - With an Idempotency-Key, the command's record (its answer) is appended with its events; a
 *   repeat, even after a crash, gets that answer and records nothing.
 * - Called while another command is being handled (an import running plan commands), it joins
 *   that command: everything commits once, with the outer command.
 *
 * `Result` must be plain JSON data: an idempotent command's answer is kept as JSON and replayed.
 */
export async function handleCommand<Result extends object>(
  store: EventStore,
  options: HandleCommandOptions,
  decide: (session: CommandSession) => Promise<Result>,
): Promise<Handled<Result>> {
  const outer = activeSession.getStore();
  if (outer !== undefined) return { ...(await decide(outer)), position: null };

  const recordStream = options.idempotency === undefined ? null : commandRecordStream(options.idempotency);
  const attempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  let releaseContended: (() => void) | null = null;
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (options.idempotency !== undefined && recordStream !== null) {
        const replay = await completedAnswer<Result>(store, recordStream, options.idempotency);
        if (replay !== null) return replay;
      }
      const session = new CommandSession(store, options.metadata);
      const result = await activeSession.run(session, () => decide(session));
      if (options.idempotency !== undefined && recordStream !== null) {
        session.record(recordStream, [
          {
            type: COMMAND_COMPLETED,
            data: {
              idempotencyKey: options.idempotency.key,
              fingerprint: options.idempotency.fingerprint,
              answer: result as unknown as JsonObject,
            },
          },
        ]);
      }
      const appends = session.appends();
      const onlyTheRecord = appends.every((append) => append.streamId === recordStream);
      if (onlyTheRecord) return { ...result, position: null };
      // Writers already taking turns on a stream after colliding go first: decide again in line.
      const queued =
        releaseContended === null ? appends.find((append) => contendedStreams.busy(append.streamId)) : undefined;
      if (queued !== undefined) {
        releaseContended = await contendedStreams.acquire(queued.streamId);
        attempt -= 1;
        continue;
      }
      try {
        const appended = await store.appendStreams(appends);
        return { ...result, position: lastPosition(appended.flatMap((append) => append.events)) };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (error.streamId === recordStream) continue;
        const ifMatch = session.ifMatchOf(error.streamId);
        if (ifMatch !== undefined) throw new PreconditionFailedError(error.streamId, ifMatch, error.actual);
        if (attempt >= attempts) throw new ContendedCommandError(error.streamId, attempt);
        // Writers who collided take turns on that stream in this process, so that each retry
        // decides on state nobody here is about to change.
        releaseContended ??= await contendedStreams.acquire(error.streamId);
      }
    }
  } finally {
    releaseContended?.();
  }
}

/** The answer of a command that already completed with this key, or null when none did. */
async function completedAnswer<Result extends object>(
  store: EventStore,
  recordStream: string,
  idempotency: CommandIdempotency,
): Promise<Handled<Result> | null> {
  const [record] = await store.readStream(recordStream);
  if (record === undefined) return null;
  if (record.data['fingerprint'] !== idempotency.fingerprint) throw new IdempotencyKeyReusedError();
  const answer = record.data['answer'] as unknown as Result;
  return { ...answer, position: formatPosition(record.globalPosition) };
}

function lastPosition(events: readonly RecordedEvent[]): string | null {
  const last = events.reduce<RecordedEvent | undefined>(
    (latest, event) =>
      latest === undefined || comparePositions(event.globalPosition, latest.globalPosition) > 0 ? event : latest,
    undefined,
  );
  return last === undefined ? null : formatPosition(last.globalPosition);
}

/** One turn at a time per key, in arrival order. */
class KeyedTurns {
  private readonly tails = new Map<string, Promise<void>>();

  /** Whether someone holds or waits for a turn on this key. */
  busy(key: string): boolean {
    return this.tails.has(key);
  }

  async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release = (): void => undefined;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => turn);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}

const contendedStreams = new KeyedTurns();
