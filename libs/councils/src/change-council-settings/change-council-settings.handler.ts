import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConcurrencyError, EVENT_STORE, loadState, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CLOCK, NotFound, type Clock } from '@due-regard/shared-kernel';
import { councilDecider } from '../domain/council.js';
import { councilStream } from '../register-council/register-council.handler.js';
import { ChangeCouncilSettingsCommand, type CouncilSettingsResult } from './change-council-settings.command.js';

@CommandHandler(ChangeCouncilSettingsCommand)
export class ChangeCouncilSettingsHandler implements ICommandHandler<
  ChangeCouncilSettingsCommand,
  CouncilSettingsResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ slug, settings, ifMatch }: ChangeCouncilSettingsCommand): Promise<CouncilSettingsResult> {
    const stream = councilStream(slug);
    const { state, version } = await loadState(this.store, stream, councilDecider);
    if (ifMatch !== undefined && ifMatch !== version) throw new ConcurrencyError(stream, ifMatch, version);
    const events = councilDecider.decide({ type: 'ChangeCouncilSettings', slug, settings }, state);
    const after = events.reduce((folded, event) => councilDecider.evolve(folded, event), state);
    if (after.status !== 'registered') throw new NotFound(`There is no council "${slug}"`);
    if (events.length === 0) return { council: after.council, settings: after.settings, version };
    // The council's stream is the platform's (the registry), whichever sub-domain the change came from.
    const metadata = { ...this.context.eventMetadata(this.clock.now()), tenantId: 'platform' };
    const appended = await this.store.append(
      stream,
      events.map((event) => ({ type: event.type, data: event.data, metadata })),
      version,
    );
    return { council: after.council, settings: after.settings, version: appended.nextExpectedVersion };
  }
}
