import type { Decider, DomainEvent } from '@due-regard/shared-kernel';
import {
  NO_STREAM,
  uuidV7Ids,
  type EventMetadata,
  type EventStore,
  type IdGenerator,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
} from '@due-regard/event-store';
import { PreconditionFailedError } from './errors.js';

export interface Loaded<State> {
  readonly state: State;
  /** The stream's version, counting what this command has recorded in it so far: the next ETag. */
  readonly version: number;
}

export interface LoadOptions {
  /** The client's If-Match: the version it worked from. A stream that moved on refuses the command. */
  readonly ifMatch?: number | undefined;
  /** Rebuild the stream as it stood at this instant (a read only: nothing can be recorded on it). */
  readonly asOf?: Date | undefined;
}

interface StreamWork {
  readonly streamId: string;
  /** The version read from the store: what the append expects. 0 for a stream never read. */
  readonly storedVersion: number;
  readonly recorded: readonly RecordedEvent[];
  readonly pending: { readonly id: string; readonly event: DomainEvent; readonly causationId: string | null }[];
  readonly ifMatch: number | undefined;
}

/**
 * One command's view of the event store: what it read and what it decided, stream by stream.
 * Nothing is written until the command ends; then every stream's events go in one atomic append,
 * each at the version read here.
 */
export class CommandSession {
  private readonly streams = new Map<string, StreamWork>();

  constructor(
    private readonly store: EventStore,
    readonly metadata: () => EventMetadata,
    private readonly ids: IdGenerator = uuidV7Ids,
  ) {}

  /**
   * Folds a stream into the decider's state, including what this command recorded in it already.
   * Reading the same stream twice in one command reads the store once.
   */
  async load<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    options: LoadOptions = {},
  ): Promise<Loaded<State>> {
    if (options.asOf !== undefined) {
      const recorded = await this.store.readStream(streamId, { toInstant: options.asOf });
      return { state: fold(decider, recorded, []), version: recorded.at(-1)?.streamVersion ?? 0 };
    }
    let work = this.streams.get(streamId);
    if (work === undefined) {
      const recorded = await this.store.readStream(streamId);
      work = {
        streamId,
        storedVersion: recorded.at(-1)?.streamVersion ?? 0,
        recorded,
        pending: [],
        ifMatch: options.ifMatch,
      };
      this.streams.set(streamId, work);
    } else if (options.ifMatch !== undefined && work.ifMatch === undefined) {
      work = { ...work, ifMatch: options.ifMatch };
      this.streams.set(streamId, work);
    }
    if (options.ifMatch !== undefined && options.ifMatch !== work.storedVersion) {
      throw new PreconditionFailedError(streamId, options.ifMatch, work.storedVersion);
    }
    return {
      state: fold(
        decider,
        work.recorded,
        work.pending.map((p) => p.event),
      ),
      version: work.storedVersion + work.pending.length,
    };
  }

  /**
   * Records what a decider decided for a stream, to be appended when the command ends. A stream
   * this command never loaded must not exist yet (a new aggregate). Returns the stream's version
   * after these events.
   */
  record(streamId: string, events: readonly DomainEvent[], causationId: string | null = null): number {
    const work = this.streams.get(streamId) ?? {
      streamId,
      storedVersion: 0,
      recorded: [],
      pending: [],
      ifMatch: undefined,
    };
    this.streams.set(streamId, work);
    work.pending.push(...events.map((event) => ({ id: this.ids.next(), event, causationId })));
    return work.storedVersion + work.pending.length;
  }

  /** The id the last event recorded for a stream will have: the cause of what follows from it. */
  lastEventId(streamId: string): string | null {
    return this.streams.get(streamId)?.pending.at(-1)?.id ?? null;
  }

  /** The stream's version as this command leaves it. */
  versionOf(streamId: string): number {
    const work = this.streams.get(streamId);
    return work === undefined ? 0 : work.storedVersion + work.pending.length;
  }

  /** The If-Match the client gave for a stream, if any. */
  ifMatchOf(streamId: string): number | undefined {
    return this.streams.get(streamId)?.ifMatch;
  }

  /** Every stream with something to append, with the version each was read at. */
  appends(): StreamAppend[] {
    const metadata = this.metadata();
    return [...this.streams.values()]
      .filter((work) => work.pending.length > 0)
      .map((work) => ({
        streamId: work.streamId,
        expectedVersion: work.storedVersion === 0 ? NO_STREAM : work.storedVersion,
        events: work.pending.map(({ id, event, causationId }): NewEvent => ({
          id,
          type: event.type,
          data: event.data,
          metadata: causationId === null ? metadata : { ...metadata, causationId },
        })),
      }));
  }
}

function fold<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  recorded: readonly RecordedEvent[],
  pending: readonly DomainEvent[],
): State {
  const known = decider.eventTypes as readonly string[];
  let state = decider.initialState();
  for (const event of recorded) {
    if (!known.includes(event.type)) {
      throw new Error(
        `Stream ${event.streamId} holds an event of unknown type ${event.type} at version ${event.streamVersion}`,
      );
    }
    // Events in our streams were written by our deciders (and upcasted on read): only the type is checked.
    state = decider.evolve(state, { type: event.type, data: event.data } as Event);
  }
  for (const event of pending) state = decider.evolve(state, event as Event);
  return state;
}
