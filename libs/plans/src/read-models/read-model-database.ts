import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { EVENT_STORE, PostgresCheckpointStore, type EventStore } from '@due-regard/event-store';
import { Database } from '@due-regard/platform';
import { CouncilRebuilder } from './rebuild/rebuild-council.js';

/**
 * The connections the projection, rebuilds and read-your-writes checks use: plain `pg`, because
 * they write in the subscription's own transaction (see CatchUpSubscription) and keep its
 * checkpoint beside the rows. API queries go through MikroORM (CouncilReadModels); events are read
 * through the EventStore port only.
 */
@Injectable()
export class PlansReadModelDatabase implements OnApplicationShutdown {
  private static readonly logger = new Logger('PlansReadModel');
  readonly pool: pg.Pool;
  private checkpointStore: Promise<PostgresCheckpointStore> | null = null;

  constructor(database: Database) {
    this.pool = new pg.Pool({ connectionString: database.connectionString, max: 5, idleTimeoutMillis: 30_000 });
    this.pool.on('error', (error) =>
      PlansReadModelDatabase.logger.warn(`PostgreSQL connection lost: ${error.message}`),
    );
  }

  /** Subscription checkpoints, in this database whichever event store feeds the projection. */
  checkpoints(): Promise<PostgresCheckpointStore> {
    this.checkpointStore ??= PostgresCheckpointStore.create(this.pool).catch((error: unknown) => {
      // Asked again, it tries again.
      this.checkpointStore = null;
      throw error;
    });
    return this.checkpointStore;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

export const councilRebuilderProvider = {
  provide: CouncilRebuilder,
  inject: [EVENT_STORE, PlansReadModelDatabase],
  useFactory: (store: EventStore, database: PlansReadModelDatabase) => new CouncilRebuilder(store, database.pool),
};
