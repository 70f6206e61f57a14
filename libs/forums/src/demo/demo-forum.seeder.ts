import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConcurrencyError } from '@due-regard/event-store';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { DomainConflict } from '@due-regard/shared-kernel';
import { CreateForumCommand } from '../application/create-forum/create-forum.command.js';
import { CreateForumHandler } from '../application/create-forum/create-forum.handler.js';

export interface ForumsDemoOptions {
  /** False in production and when DEMO_DATA=false. */
  readonly enabled: boolean;
}

export const FORUMS_DEMO_OPTIONS = Symbol('ForumsDemoOptions');

/** The demo realm's forum: its coordinator (forum.coordinator) and member (forum.member) sign in to it. */
export const DEMO_FORUM = {
  forum: {
    slug: 'leicestershire-equalities-forum',
    name: 'Leicestershire Equalities Forum',
    region: 'Leicestershire',
  },
  themes: ['Workforce', 'Community', 'Services'],
} as const;

/** On start, with demo data on, creates the demo forum once (its councils are invited by its coordinator). */
@Injectable()
export class DemoForumSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(FORUMS_DEMO_OPTIONS) private readonly options: ForumsDemoOptions,
    // The handler itself: the command bus registers its handlers only once the application has booted.
    private readonly createForum: CreateForumHandler,
    private readonly context: RequestContext,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    await this.context.run(
      { tenant: { kind: 'platform' }, correlationId: 'demo-seed', source: 'system', principal: SYSTEM_PRINCIPAL },
      async () => {
        try {
          await this.createForum.execute(new CreateForumCommand(DEMO_FORUM.forum, DEMO_FORUM.themes));
          this.logger.log(`Created demo forum ${DEMO_FORUM.forum.name} (${DEMO_FORUM.forum.slug})`);
        } catch (error) {
          // Created on an earlier start, or by another process starting at the same moment.
          if (!(error instanceof DomainConflict) && !(error instanceof ConcurrencyError)) throw error;
        }
      },
    );
  }
}
