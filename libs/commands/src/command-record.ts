import { createHash } from 'node:crypto';
import { streamName } from '@due-regard/event-store';

/** The event that says a command with an Idempotency-Key completed, and what it answered. */
export const COMMAND_COMPLETED = 'CommandCompleted';

/** Who sent a command with an Idempotency-Key, and what the request was. */
export interface CommandIdempotency {
  readonly tenantId: string;
  readonly actorId: string;
  readonly key: string;
  /** Method, path and body hash: a key repeated with another request is refused. */
  readonly fingerprint: string;
}

/**
 * Each completed command with an Idempotency-Key has a stream of its own, appended with NO_STREAM
 * in the same atomic append as the command's events: a second attempt of the same command can
 * never record twice, even after a crash between the append and the answer.
 */
export function commandRecordStream(scope: Pick<CommandIdempotency, 'tenantId' | 'actorId' | 'key'>): string {
  const digest = createHash('sha256').update(`${scope.actorId}\n${scope.key}`).digest('hex').slice(0, 40);
  return streamName('command', scope.tenantId, digest);
}
