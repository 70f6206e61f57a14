import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideAndAppend, EVENT_STORE, streamName, type AppendResult, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { councilDecider, validateSlug } from '../domain/council.js';
import { RegisterCouncilCommand } from './register-council.command.js';

export function councilStream(slug: string): string {
  return streamName('council', 'platform', slug);
}

@CommandHandler(RegisterCouncilCommand)
export class RegisterCouncilHandler implements ICommandHandler<RegisterCouncilCommand, AppendResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ council, settings }: RegisterCouncilCommand): Promise<AppendResult> {
    validateSlug(council.slug);
    return decideAndAppend(
      this.store,
      councilStream(council.slug),
      councilDecider,
      { type: 'RegisterCouncil', council, ...(settings === undefined ? {} : { settings }) },
      this.context.eventMetadata(this.clock.now()),
    );
  }
}
