import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { streamName } from '@due-regard/event-store';
import { councilDecider, validateSlug } from '../domain/council.js';
import { RegisterCouncilCommand, type CouncilRegistration } from './register-council.command.js';

/** The council registry is the platform's: each council is a stream in the platform's log. */
export const COUNCIL_REGISTRY_TENANT = 'platform';

export function councilStream(slug: string): string {
  return streamName('council', COUNCIL_REGISTRY_TENANT, slug);
}

@CommandHandler(RegisterCouncilCommand)
export class RegisterCouncilHandler implements ICommandHandler<RegisterCouncilCommand, CouncilRegistration> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ council, settings }: RegisterCouncilCommand): Promise<CouncilRegistration> {
    validateSlug(council.slug);
    const stream = councilStream(council.slug);
    return this.runner.run(
      async (session) => {
        const { state } = await session.load(stream, councilDecider);
        const version = session.record(
          stream,
          councilDecider.decide(
            { type: 'RegisterCouncil', council, ...(settings === undefined ? {} : { settings }) },
            state,
          ),
        );
        return { slug: council.slug, version };
      },
      { tenantId: COUNCIL_REGISTRY_TENANT },
    );
  }
}
