import { Command } from '@nestjs/cqrs';
import type { ForumChanged } from '../create-forum/create-forum.command.js';

export class InviteCouncilCommand extends Command<ForumChanged> {
  constructor(
    readonly forum: string,
    readonly council: string,
  ) {
    super();
  }
}
