import { Command } from '@nestjs/cqrs';
import type { ComparisonSettings } from '../../domain/forum.js';
import type { ForumChanged } from '../create-forum/create-forum.command.js';

export class ChangeComparisonSettingsCommand extends Command<ForumChanged> {
  constructor(
    readonly forum: string,
    readonly settings: Partial<ComparisonSettings>,
  ) {
    super();
  }
}
