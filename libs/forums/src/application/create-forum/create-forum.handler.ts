import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { forumDecider, validateForumSlug } from '../../domain/forum.js';
import { FORUMS_TENANT, forumStream } from '../shared/streams.js';
import { CreateForumCommand, type ForumChanged } from './create-forum.command.js';

@CommandHandler(CreateForumCommand)
export class CreateForumHandler implements ICommandHandler<CreateForumCommand, ForumChanged> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ forum, themes }: CreateForumCommand): Promise<ForumChanged> {
    // Checked before a stream is named after it.
    validateForumSlug(forum.slug);
    const stream = forumStream(forum.slug);
    return this.runner.run(
      async (session) => {
        const { state } = await session.load(stream, forumDecider);
        const version = session.record(stream, forumDecider.decide({ type: 'CreateForum', forum, themes }, state));
        return { slug: forum.slug, version };
      },
      { tenantId: FORUMS_TENANT },
    );
  }
}
