import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { CouncilDirectory } from '@due-regard/councils';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { forumDecider } from '../../domain/forum.js';
import type { ForumChanged } from '../create-forum/create-forum.command.js';
import { FORUMS_TENANT, forumStream } from '../shared/streams.js';
import { InviteCouncilCommand } from './invite-council.command.js';

@CommandHandler(InviteCouncilCommand)
export class InviteCouncilHandler implements ICommandHandler<InviteCouncilCommand, ForumChanged> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly councils: CouncilDirectory,
  ) {}

  async execute({ forum, council }: InviteCouncilCommand): Promise<ForumChanged> {
    const registered = await this.councils.find(council);
    if (registered === null) {
      throw new DomainRuleViolation(`There is no council "${council}" on the platform`, 'unknown_council', 'council');
    }
    const stream = forumStream(forum);
    return this.runner.run(
      async (session) => {
        const { state } = await session.load(stream, forumDecider);
        const version = session.record(
          stream,
          forumDecider.decide({ type: 'InviteCouncil', council, councilName: registered.name }, state),
        );
        return { slug: forum, version };
      },
      { tenantId: FORUMS_TENANT },
    );
  }
}
