import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CouncilSettingsModule, RegisterCouncilHandler } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { CommandsModule } from '@due-regard/commands';
import { PlansRebuildModule, PlansWriteModule } from '@due-regard/plans';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { ImportCommitter } from './commit/import-committer.js';
import { DemoPlans } from './demo/demo-plans.js';
import { DemoPlansSeeder } from './demo/demo-plans.seeder.js';
import { DemoReset } from './demo/demo-reset.js';
import { ImportStore } from './uploads/import-store.js';
import { ImportRetention } from './uploads/import-retention.js';
import { ImportWorkflow } from './uploads/import-workflow.js';
import { ImportRedrive } from './uploads/import-redrive.js';
import { ImportJobs, ImportPurgeScheduler, ImportsProcessor, importsQueue } from './uploads/imports-queue.js';
import { ImportsHttpController } from './uploads/imports.http.controller.js';

/**
 * Committing import previews through the plans commands, and the demo plans. Needs the global
 * EVENT_STORE, Database and RequestContext; the plans write side and the councils' settings come
 * with it.
 */
@Module({
  // The councils' settings (global): how each council's due text reads.
  imports: [CqrsModule, CouncilSettingsModule, PlansWriteModule, CommandsModule],
  providers: [{ provide: CLOCK, useValue: systemClock }, ImportCommitter, DemoPlans],
  // CommandsModule: the Idempotency-Key interceptor and store of the imports routes.
  exports: [ImportCommitter, DemoPlans, PlansWriteModule, CommandsModule],
})
export class PlanImportCoreModule {}

/**
 * For the API: POST/GET/PATCH /api/v1/imports and POST /api/v1/imports/{id}/commit (uploads kept
 * in PostgreSQL, read by the `imports` queue's jobs), and the demo plans on a first start with
 * demo data. Needs CouncilsModule (global) and IdentityModule.
 */
@Module({
  imports: [PlanImportCoreModule, importsQueue],
  controllers: [ImportsHttpController],
  providers: [ImportStore, ImportJobs, ImportWorkflow, DemoPlansSeeder],
  // For the web service's import pages.
  exports: [ImportStore, ImportJobs, ImportWorkflow],
})
export class PlanImportModule {}

/**
 * For the worker: runs the `imports` queue's jobs (parse an upload into its preview; purge uploads
 * older than IMPORT_RETENTION_DAYS, on a daily job scheduler it upserts at start).
 */
@Module({
  imports: [CouncilSettingsModule, importsQueue],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    // The processor enters the job's council itself; no HTTP request brings a context here.
    RequestContext,
    ImportStore,
    ImportRetention,
    ImportJobs,
    ImportPurgeScheduler,
    ImportsProcessor,
    ImportRedrive,
  ],
})
export class PlanImportJobsModule {}

/** For the CLI: `demo:reset` (and the import command's committer). Needs a RequestContext provider. */
@Module({
  imports: [PlanImportCoreModule, PlansRebuildModule],
  providers: [{ provide: CLOCK, useValue: systemClock }, RegisterCouncilHandler, DemoReset],
  exports: [PlanImportCoreModule, DemoReset],
})
export class PlanImportCliSupportModule {}
