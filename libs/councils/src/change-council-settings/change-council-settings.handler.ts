import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { NotFound } from '@due-regard/shared-kernel';
import { councilDecider } from '../domain/council.js';
import { COUNCIL_REGISTRY_TENANT, councilStream } from '../register-council/register-council.handler.js';
import { ChangeCouncilSettingsCommand, type CouncilSettingsResult } from './change-council-settings.command.js';

@CommandHandler(ChangeCouncilSettingsCommand)
export class ChangeCouncilSettingsHandler implements ICommandHandler<
  ChangeCouncilSettingsCommand,
  CouncilSettingsResult
> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ slug, settings, ifMatch }: ChangeCouncilSettingsCommand): Promise<CouncilSettingsResult> {
    const stream = councilStream(slug);
    // The council's stream is the platform's (the registry), whichever sub-domain the change came from.
    const { position: _position, ...result } = await this.runner.run(
      async (session) => {
        const { state } = await session.load(stream, councilDecider, { ifMatch });
        const events = councilDecider.decide({ type: 'ChangeCouncilSettings', slug, settings }, state);
        const after = events.reduce((folded, event) => councilDecider.evolve(folded, event), state);
        if (after.status !== 'registered') throw new NotFound(`There is no council "${slug}"`);
        const version = session.record(stream, events);
        return { council: after.council, settings: after.settings, version };
      },
      { tenantId: COUNCIL_REGISTRY_TENANT },
    );
    return result;
  }
}
