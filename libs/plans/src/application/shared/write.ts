import {
  ConcurrencyError,
  formatPosition,
  loadState,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@due-regard/event-store';
import type { Decider, DomainEvent } from '@due-regard/shared-kernel';

/** What every command answers: the stream's new version (its ETag) and where the change landed. */
export interface WriteResult {
  /** The stream's version after the change: the resource's ETag. Unchanged when nothing was recorded. */
  readonly version: number;
  /** The global position (`commit/prepare`) of the last event recorded; null when nothing was. */
  readonly position: string | null;
}

export interface Written extends WriteResult {
  readonly events: readonly RecordedEvent[];
}

/** A client's If-Match that no longer holds refuses the change before anything is decided. */
export function assertIfMatch(streamId: string, ifMatch: number | undefined, version: number): void {
  if (ifMatch !== undefined && ifMatch !== version) throw new ConcurrencyError(streamId, ifMatch, version);
}

/** Several commands decided one after another, each on the state the previous ones left: all or none. */
export function decideAll<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  state: State,
  commands: readonly Command[],
): Event[] {
  const events: Event[] = [];
  let current = state;
  for (const command of commands) {
    const decided = decider.decide(command, current);
    events.push(...decided);
    current = decided.reduce((folded, event) => decider.evolve(folded, event), current);
  }
  return events;
}

/** Appends what was decided at the version it was decided on; nothing decided, nothing appended. */
export async function appendDecided(
  store: EventStore,
  streamId: string,
  events: readonly DomainEvent[],
  metadata: EventMetadata,
  version: number,
): Promise<Written> {
  if (events.length === 0) return { version, position: null, events: [] };
  const appended = await store.append(
    streamId,
    events.map((event) => ({ type: event.type, data: event.data, metadata })),
    version,
  );
  const last = appended.events.at(-1);
  return {
    version: appended.nextExpectedVersion,
    position: last === undefined ? null : formatPosition(last.globalPosition),
    events: appended.events,
  };
}

/**
 * `decideAndAppend`, for commands whose decision needs more than the command: load the stream,
 * check If-Match, let `decide` look at the state (to authorise, to fill in what the client left
 * out) and decide, then append at the version read. A decision that changes nothing appends
 * nothing and answers the current version.
 */
export async function changeStream<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  metadata: EventMetadata,
  ifMatch: number | undefined,
  decide: (state: State) => readonly Event[] | Promise<readonly Event[]>,
): Promise<Written> {
  const { state, version } = await loadState(store, streamId, decider);
  assertIfMatch(streamId, ifMatch, version);
  const events = await decide(state);
  return appendDecided(store, streamId, events, metadata, version);
}
