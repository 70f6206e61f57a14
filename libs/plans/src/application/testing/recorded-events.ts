import type { RecordedEvent } from '@due-regard/event-store';
import type { DomainEvent } from '@due-regard/shared-kernel';

/** Events as a stream would hand them back, one minute apart from `start`, for pure tests. */
export function recordedStream(
  streamId: string,
  events: readonly DomainEvent[],
  start = new Date('2024-10-01T09:00:00.000Z'),
  actorId = 'f7a1c1de-0000-4000-8000-000000000001',
): RecordedEvent[] {
  return events.map((event, index) => {
    const recordedAt = new Date(start.getTime() + index * 60_000);
    return {
      id: `0190f3c2-7d1e-7abc-8def-${String(index).padStart(12, '0')}`,
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: {
        tenantId: 'charnwood',
        actorId,
        correlationId: `c-${index}`,
        causationId: null,
        occurredAt: recordedAt.toISOString(),
        source: 'api',
      },
      streamId,
      streamVersion: index + 1,
      globalPosition: { commit: 100n + BigInt(index), prepare: BigInt(index + 1) },
      recordedAt,
      hash: 'ab'.repeat(32),
    };
  });
}
