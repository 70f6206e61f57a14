import type { EventMetadata, EventStore } from '@due-regard/event-store';
import type { Decider, DomainEvent } from '@due-regard/shared-kernel';
import { handleCommand, type Handled } from './handle-command.js';

/**
 * One decider's decision on one stream, recorded through the one write path (checked and appended
 * exactly as a command's would be): for seeding, scripts and tests that set the scene.
 */
export function recordDecision<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  metadata: EventMetadata,
): Promise<Handled<{ readonly version: number }>> {
  return handleCommand(store, { metadata: () => metadata }, async (session) => {
    const { state } = await session.load(streamId, decider);
    return { version: session.record(streamId, decider.decide(command, state)) };
  });
}
