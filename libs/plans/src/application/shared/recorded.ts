import type { RecordedEvent } from '@due-regard/event-store';
import type { Decider, DomainEvent } from '@due-regard/shared-kernel';
import type { HistoryEntry } from './views.js';

/**
 * A recorded event as its decider's event type. Our streams hold only what our deciders decided
 * (upcasted on read), so only the type is checked, as `loadState` does.
 */
export function asDomainEvent<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  recorded: RecordedEvent,
): Event {
  if (!(decider.eventTypes as readonly string[]).includes(recorded.type)) {
    throw new Error(
      `Stream ${recorded.streamId} holds an event of unknown type ${recorded.type} at version ${recorded.streamVersion}`,
    );
  }
  return { type: recorded.type, data: recorded.data } as Event;
}

/** A recorded event as a history lists it: when, who, through what, and `summary` of what it changed. */
export function historyEntryOf(recorded: RecordedEvent, summary: string): HistoryEntry {
  return {
    version: recorded.streamVersion,
    type: recorded.type,
    time: recorded.recordedAt.toISOString(),
    occurredAt: recorded.metadata.occurredAt,
    actorId: recorded.metadata.actorId,
    source: recorded.metadata.source,
    correlationId: recorded.metadata.correlationId,
    schemaVersion: recorded.schemaVersion,
    summary,
    data: recorded.data,
  };
}
