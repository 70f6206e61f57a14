import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuditCoreModule } from '@due-regard/audit';
import { CouncilDirectory } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { PlansRebuildModule } from '@due-regard/plans';
import { AppConfig, Database, EventStoreModule } from '@due-regard/platform';
import { AuditExportCommand } from './audit-export.command.js';
import { AuditVerifyCommand } from './audit-verify.command.js';
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
        RequestContext,
        { provide: AppConfig, useValue: config },
        { provide: Database, useFactory: () => Database.open(config.database) },
      ],
      exports: [AppConfig, Database, RequestContext],
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
      ],
      providers: [CouncilDirectory, RebuildProjectionsCommand, AuditVerifyCommand, AuditExportCommand],
    };
  }
}
