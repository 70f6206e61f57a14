import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { consentDecider } from '../../domain/consent.js';
import { forumDecider } from '../../domain/forum.js';
import type { ConsentResult } from '../give-consent/give-consent.command.js';
import { consentStream, FORUMS_TENANT, forumStream } from '../shared/streams.js';
import { WithdrawConsentCommand } from './withdraw-consent.command.js';

/**
 * Invited: the council declines. A member: it withdraws its consent and leaves, in one command, and
 * the comparison drops its rows. Anything else: the forum is not found.
 */
@CommandHandler(WithdrawConsentCommand)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsentCommand, ConsentResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
  ) {}

  execute({ forum }: WithdrawConsentCommand): Promise<ConsentResult> {
    const council = this.context.councilSlug();
    return this.runner.run(
      async (session) => {
        const { state: forumState } = await session.load(forumStream(forum), forumDecider);
        const membership = forumState.status === 'created' ? forumState.councils[council] : undefined;
        const consent = await session.load(consentStream(forum, council), consentDecider);
        if (membership?.status === 'invited') {
          session.record(forumStream(forum), forumDecider.decide({ type: 'DeclineInvitation', council }, forumState));
          return { forum, council, status: 'declined' as const, scope: null, version: consent.version };
        }
        if (membership?.status !== 'member') throw new NotFound('Your council is not a member of this forum');
        session.record(forumStream(forum), forumDecider.decide({ type: 'LeaveForum', council }, forumState));
        const version = session.record(
          consentStream(forum, council),
          consentDecider.decide({ type: 'WithdrawConsent', forum, council }, consent.state),
        );
        return { forum, council, status: 'left' as const, scope: null, version };
      },
      { tenantId: FORUMS_TENANT },
    );
  }
}
