import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';

@Injectable()
class ProjectorStatus implements OnApplicationBootstrap {
  private readonly logger = new Logger('Projector');

  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.eventStore.ping();
    this.logger.log('Connected to the event store; no projections are registered yet');
  }
}

/**
 * Catch-up subscriptions that project events into per-council read models register here; none
 * exist yet, so it connects the event store and stays up.
 */
@Module({
  providers: [ProjectorStatus],
})
export class ProjectorModule {}
