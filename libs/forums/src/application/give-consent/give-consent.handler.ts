import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { consentDecider } from '../../domain/consent.js';
import { forumDecider } from '../../domain/forum.js';
import { consentStream, FORUMS_TENANT, forumStream } from '../shared/streams.js';
import { GiveConsentCommand, type ConsentResult } from './give-consent.command.js';

/**
 * Accepting an invitation and consenting are one command: the forum records the council as a
 * member and the council's consent records the scope, both or neither. A member changes its scope
 * the same way. A forum that has not invited the council is not found: nothing of it is revealed.
 */
@CommandHandler(GiveConsentCommand)
export class GiveConsentHandler implements ICommandHandler<GiveConsentCommand, ConsentResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
  ) {}

  execute({ forum, scope }: GiveConsentCommand): Promise<ConsentResult> {
    const council = this.context.councilSlug();
    return this.runner.run(
      async (session) => {
        const forumLoaded = await session.load(forumStream(forum), forumDecider);
        const membership = forumLoaded.state.status === 'created' ? forumLoaded.state.councils[council] : undefined;
        if (membership?.status !== 'invited' && membership?.status !== 'member') {
          throw new NotFound('This forum has not invited your council');
        }
        session.record(
          forumStream(forum),
          forumDecider.decide({ type: 'AcceptInvitation', council }, forumLoaded.state),
        );
        const { state } = await session.load(consentStream(forum, council), consentDecider);
        const decided = consentDecider.decide({ type: 'GrantConsent', forum, council, scope }, state);
        const version = session.record(consentStream(forum, council), decided);
        const granted = decided.reduce((folded, event) => consentDecider.evolve(folded, event), state);
        return {
          forum,
          council,
          status: 'member' as const,
          scope: granted.status === 'granted' ? granted.scope : null,
          version,
        };
      },
      { tenantId: FORUMS_TENANT },
    );
  }
}
