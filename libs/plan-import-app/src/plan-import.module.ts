import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegisterCouncilHandler } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { PlansRebuildModule, PlansWriteModule } from '@due-regard/plans';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { ImportCommitter } from './commit/import-committer.js';
import { DemoPlans } from './demo/demo-plans.js';
import { DemoPlansSeeder } from './demo/demo-plans.seeder.js';
import { DemoReset } from './demo/demo-reset.js';
import { ImportStore } from './uploads/import-store.js';
import { ImportWorkflow } from './uploads/import-workflow.js';
import { ImportJobs, ImportsProcessor, importsQueue } from './uploads/imports-queue.js';
import { ImportsHttpController } from './uploads/imports.http.controller.js';

/**
 * Committing import previews through the plans commands, and the demo plans. Needs the global
 * EVENT_STORE, Database and RequestContext; the plans write side comes with it.
 */
@Module({
  imports: [CqrsModule, PlansWriteModule],
  providers: [{ provide: CLOCK, useValue: systemClock }, ImportCommitter, DemoPlans],
  exports: [ImportCommitter, DemoPlans],
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

/** For the worker: runs the `imports` queue's jobs (parse an upload into its preview). */
@Module({
  imports: [importsQueue],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    // The processor enters the job's council itself; no HTTP request brings a context here.
    RequestContext,
    ImportStore,
    ImportsProcessor,
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
