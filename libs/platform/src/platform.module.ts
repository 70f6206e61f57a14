import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './config/app-config.js';
import { Database } from './database/database.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { loggingModule } from './logging/logging.module.js';
import { Metrics } from './metrics/metrics.js';
import { RedisConnection } from './redis/redis-connection.js';

/**
 * The infrastructure every app shares, available everywhere: AppConfig, logging, Database
 * (PostgreSQL, embedded when DATABASE_URL is unset), RedisConnection, Metrics and the EVENT_STORE
 * port.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [loggingModule(config.logging, config.production), EventStoreModule.forRoot()],
      providers: [
        { provide: AppConfig, useValue: config },
        Metrics,
        {
          provide: Database,
          inject: [AppConfig],
          useFactory: (appConfig: AppConfig) => Database.open(appConfig.database),
        },
        {
          provide: RedisConnection,
          inject: [AppConfig],
          useFactory: (appConfig: AppConfig) => RedisConnection.open(appConfig.redis),
        },
      ],
      exports: [AppConfig, Database, RedisConnection, Metrics],
    };
  }
}
