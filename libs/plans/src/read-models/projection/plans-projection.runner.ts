import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  CatchUpSubscription,
  EVENT_STORE,
  formatPosition,
  type EventStore,
  type SubscriptionStatus,
} from '@due-regard/event-store';
import { PlansReadModelDatabase } from '../read-model-database.js';
import { PROJECTED_EVENT_TYPES } from './council-read-model.js';
import { PLANS_PROJECTION_SETTINGS, PLANS_READ_MODEL_SUBSCRIPTION, projectBatch } from './plans-projection.js';

/** Runs the plans read-model projection: a catch-up subscription from the stored checkpoint. */
@Injectable()
export class PlansProjectionRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PlansProjection');
  private subscription: CatchUpSubscription | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly database: PlansReadModelDatabase,
  ) {}

  /** After every module's init, so the read-model migrations have run. */
  async onApplicationBootstrap(): Promise<void> {
    const checkpoints = await this.database.checkpoints();
    let lastError = '';
    this.subscription = new CatchUpSubscription(this.store, checkpoints, {
      name: PLANS_READ_MODEL_SUBSCRIPTION,
      eventTypes: PROJECTED_EVENT_TYPES,
      ...PLANS_PROJECTION_SETTINGS,
      handle: async (events, tx) => {
        await projectBatch(events, tx);
      },
      onError: (error) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) this.logger.error(`Projection batch failed (it will be retried): ${message}`);
        lastError = message;
      },
    });
    this.subscription.start();
    this.logger.log(
      `Projecting plans read models from ${formatPosition(await checkpoints.load(PLANS_READ_MODEL_SUBSCRIPTION))}`,
    );
  }

  status(): SubscriptionStatus | null {
    return this.subscription?.status() ?? null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }
}
