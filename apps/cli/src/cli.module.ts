import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuditCoreModule } from '@due-regard/audit';
import { CouncilDirectory } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { PlansRebuildModule } from '@due-regard/plans';
import { AppConfig, Database, EventStoreModule, Metrics, RedisConnection } from '@due-regard/platform';
import { TrackingSweepModule } from '@due-regard/reminders';
import { AuditExportCommand } from './audit-export.command.js';
import { AuditVerifyCommand } from './audit-verify.command.js';
import { PlanImportCliModule } from './import-plan.command.js';
import { RebuildProjectionsCommand } from './rebuild-projections.command.js';
import { ReportCliModule } from './report.command.js';
import { TrackingSweepCommand } from './tracking-sweep.command.js';

/** What the commands need of the platform: configuration, PostgreSQL, the event store and Redis (no HTTP). */
@Global()
@Module({})
class CliPlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliPlatformModule,
      imports: [EventStoreModule.forRoot()],
      providers: [
        RequestContext,
        { provide: AppConfig, useValue: config },
        // The event store counts its appends; nobody scrapes a CLI's figures, but the store needs one.
        Metrics,
        { provide: Database, useFactory: () => Database.open(config.database) },
        // The development outbox keeps what tracking:sweep would have emailed where the web reads it.
        { provide: RedisConnection, useFactory: () => RedisConnection.open(config.redis) },
      ],
      exports: [AppConfig, Database, RequestContext, RedisConnection, Metrics],
    };
  }
}

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CliPlatformModule.forRoot(config),
        PlansRebuildModule,
        PlanImportCliModule,
        AuditCoreModule,
        ReportCliModule,
        TrackingSweepModule,
      ],
      providers: [
        CouncilDirectory,
        RebuildProjectionsCommand,
        AuditVerifyCommand,
        AuditExportCommand,
        TrackingSweepCommand,
      ],
    };
  }
}
