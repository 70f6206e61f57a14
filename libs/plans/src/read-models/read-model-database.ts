import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { AppConfig, Database } from '@due-regard/platform';
import { PostgresEventLog } from './projection/event-log.js';
import { CouncilRebuilder } from './rebuild/rebuild-council.js';

/**
 * The connections the projection, rebuilds and read-your-writes checks use: plain `pg`, because
 * they write in the subscription's own transaction (see CatchUpSubscription) and read the event
 * store's tables. API queries go through MikroORM (CouncilReadModels).
 */
@Injectable()
export class PlansReadModelDatabase implements OnApplicationShutdown {
  private static readonly logger = new Logger('PlansReadModel');
  readonly pool: pg.Pool;
  readonly log: PostgresEventLog;

  constructor(database: Database, config: AppConfig) {
    this.pool = new pg.Pool({ connectionString: database.connectionString, max: 5, idleTimeoutMillis: 30_000 });
    this.pool.on('error', (error) =>
      PlansReadModelDatabase.logger.warn(`PostgreSQL connection lost: ${error.message}`),
    );
    this.log = new PostgresEventLog(this.pool, config.eventStore.backend.kind === 'postgres');
  }

  rebuilder(store: EventStore): CouncilRebuilder {
    return new CouncilRebuilder(store, this.pool, this.log);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

export const councilRebuilderProvider = {
  provide: CouncilRebuilder,
  inject: [EVENT_STORE, PlansReadModelDatabase],
  useFactory: (store: EventStore, database: PlansReadModelDatabase) => database.rebuilder(store),
};
