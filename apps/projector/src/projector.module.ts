import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { MetricsModule } from '@due-regard/platform';
import { ForumsProjectionModule } from '@due-regard/forums';
import { PlansProjectionModule } from '@due-regard/plans';

@Injectable()
class ProjectorStatus implements OnApplicationBootstrap {
  private readonly logger = new Logger('Projector');

  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.eventStore.ping();
    this.logger.log('Connected to the event store; projecting plans into read models');
  }
}

/**
 * Catch-up subscriptions that project events into per-council read models: the plans projection
 * now, others as they come.
 */
@Module({
  // No HTTP: with METRICS_PORT its figures (appends, projection lag) get a port of their own.
  imports: [PlansProjectionModule, ForumsProjectionModule, MetricsModule],
  providers: [ProjectorStatus],
})
export class ProjectorModule {}
