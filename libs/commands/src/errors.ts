import { ConcurrencyError } from '@due-regard/event-store';
import { DomainConflict, DomainRuleViolation } from '@due-regard/shared-kernel';

/**
 * The client named the version it worked from (If-Match) and the stream has moved on since:
 * HTTP 412. Nothing was recorded.
 */
export class PreconditionFailedError extends ConcurrencyError {}

/**
 * Others kept changing the same streams while a command without If-Match was retried on fresh
 * state: HTTP 409. Nothing of this command was recorded.
 */
export class ContendedCommandError extends DomainConflict {
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(
      `Other changes to the same record kept arriving at the same moment; your change was tried ${attempts} times on the latest version and nothing of it was recorded. Send it again.`,
      'concurrent_changes',
    );
  }
}

/** An Idempotency-Key already answered a different request. */
export class IdempotencyKeyReusedError extends DomainRuleViolation {
  constructor() {
    super(
      'This Idempotency-Key was used for a different request. Send a new Idempotency-Key for a new request; repeat a request only with the key it was first sent with.',
      'idempotency_key_reused',
    );
  }
}
