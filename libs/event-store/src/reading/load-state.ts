import type { Decider, DomainEvent } from '@due-regard/shared-kernel';
import type { RecordedEvent } from '../event.js';
import type { EventStore } from '../event-store.port.js';

export interface LoadedState<State> {
  readonly state: State;
  /** The stream's version: the resource's ETag. */
  readonly version: number;
}

/** Folds a stream into the decider's state, optionally as it stood at an instant. */
export function loadState<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  asOf?: Date,
): Promise<LoadedState<State>> {
  return loadStateFrom(store, streamId, decider, { state: decider.initialState(), version: 0 }, asOf);
}

/**
 * loadState resumed from a snapshot: folds onto `snapshot.state` the events after
 * `snapshot.version` (recorded by `asOf`, when given). The same state as loadState, when the
 * snapshot is the state of the stream's first `snapshot.version` events.
 */
export async function loadStateFrom<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  snapshot: LoadedState<State>,
  asOf?: Date,
): Promise<LoadedState<State>> {
  const recorded = await store.readStream(streamId, {
    afterVersion: snapshot.version,
    ...(asOf ? { toInstant: asOf } : {}),
  });
  const state = recorded.reduce(
    (current, event) => decider.evolve(current, asDomainEvent(event, decider)),
    snapshot.state,
  );
  return { state, version: recorded.at(-1)?.streamVersion ?? snapshot.version };
}

/** Events in our streams were written by our deciders (and upcasted on read): only the type is checked. */
function asDomainEvent<Event extends DomainEvent>(
  event: RecordedEvent,
  decider: { readonly eventTypes: readonly Event['type'][] },
): Event {
  if (!(decider.eventTypes as readonly string[]).includes(event.type)) {
    throw new Error(
      `Stream ${event.streamId} holds an event of unknown type ${event.type} at version ${event.streamVersion}`,
    );
  }
  return { type: event.type, data: event.data } as Event;
}
