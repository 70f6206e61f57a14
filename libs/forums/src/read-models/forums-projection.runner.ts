import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CatchUpSubscription, EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { ForumsDatabase } from './forums-database.js';
import { FORUMS_PROJECTED_EVENT_TYPES, FORUMS_SUBSCRIPTION, projectForumsBatch } from './forums-projection.js';

/** Runs the forums projection: a catch-up subscription from its stored checkpoint. */
@Injectable()
export class ForumsProjectionRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ForumsProjection');
  private subscription: CatchUpSubscription | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly database: ForumsDatabase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let lastError = '';
    this.subscription = new CatchUpSubscription(this.store, await this.database.checkpoints(), {
      name: FORUMS_SUBSCRIPTION,
      eventTypes: FORUMS_PROJECTED_EVENT_TYPES,
      batchSize: 500,
      pollIntervalMs: 50,
      handle: (events, tx) => projectForumsBatch(events, tx, this.store),
      onError: (error) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) this.logger.error(`Forums projection batch failed (it will be retried): ${message}`);
        lastError = message;
      },
    });
    this.subscription.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }
}
