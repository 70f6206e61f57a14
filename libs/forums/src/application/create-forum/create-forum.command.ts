import { Command } from '@nestjs/cqrs';
import type { ForumDetails } from '../../domain/forum.js';

/** The forum's stream version once recorded (its ETag). */
export interface ForumChanged {
  readonly slug: string;
  readonly version: number;
}

export class CreateForumCommand extends Command<ForumChanged> {
  constructor(
    readonly forum: ForumDetails,
    readonly themes: readonly string[],
  ) {
    super();
  }
}
