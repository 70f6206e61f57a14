import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventMetadata, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import type { CommandSession } from './command-session.js';
import { commandMetadata } from './command-metadata.js';
import { handleCommand, type Handled } from './handle-command.js';

export interface RunOptions {
  /**
   * Whose log the events go to when it is not the request's tenant: the council registry's streams
   * are the platform's, whichever sub-domain a change came from.
   */
  readonly tenantId?: string;
}

/**
 * `handleCommand` for Nest handlers, in the request's (or job's) context: every event's metadata
 * (tenant, actor, correlation, source) comes from the RequestContext, never the body; the time from
 * the clock; and the request's Idempotency-Key once the interceptor has claimed it.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run<Result extends object>(
    decide: (session: CommandSession) => Promise<Result>,
    options: RunOptions = {},
  ): Promise<Handled<Result>> {
    const metadata = (): EventMetadata => commandMetadata(this.context, this.clock.now(), options.tenantId);
    const claimed = this.context.idempotency();
    const idempotency =
      claimed === null
        ? undefined
        : {
            tenantId: options.tenantId ?? this.context.tenantId(),
            actorId: this.context.principal().subject,
            key: claimed.key,
            fingerprint: claimed.fingerprint,
          };
    return handleCommand(this.store, { metadata, idempotency }, decide);
  }
}
