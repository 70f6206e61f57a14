import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { forumDecider } from '../../domain/forum.js';
import type { ForumChanged } from '../create-forum/create-forum.command.js';
import { FORUMS_TENANT, forumStream } from '../shared/streams.js';
import { ChangeComparisonSettingsCommand } from './change-comparison-settings.command.js';

@CommandHandler(ChangeComparisonSettingsCommand)
export class ChangeComparisonSettingsHandler implements ICommandHandler<ChangeComparisonSettingsCommand, ForumChanged> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ forum, settings }: ChangeComparisonSettingsCommand): Promise<ForumChanged> {
    const stream = forumStream(forum);
    return this.runner.run(
      async (session) => {
        const { state } = await session.load(stream, forumDecider);
        const version = session.record(
          stream,
          forumDecider.decide({ type: 'ChangeComparisonSettings', settings }, state),
        );
        return { slug: forum, version };
      },
      { tenantId: FORUMS_TENANT },
    );
  }
}
