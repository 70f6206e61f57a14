import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CouncilDirectory } from '@due-regard/councils';
import { PlansRebuildModule } from '@due-regard/plans';
import { AppConfig, Database, EventStoreModule } from '@due-regard/platform';
import { PlanImportCliModule } from './import-plan.command.js';
import { RebuildProjectionsCommand } from './rebuild-projections.command.js';
import { ReportCliModule } from './report.command.js';

/** What the commands need of the platform: configuration, PostgreSQL and the event store (no Redis, no HTTP). */
@Global()
@Module({})
class CliPlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliPlatformModule,
      imports: [EventStoreModule.forRoot()],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Database, useFactory: () => Database.open(config.database) },
      ],
      exports: [AppConfig, Database],
    };
  }
}

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [CliPlatformModule.forRoot(config), PlansRebuildModule, PlanImportCliModule, ReportCliModule],
      providers: [CouncilDirectory, RebuildProjectionsCommand],
    };
  }
}
