import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@due-regard/commands';
import { CouncilSettingsModule } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { PlansWriteModule } from '@due-regard/plans';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { ReportGenerator } from './application/generate-report/report-generator.js';
import { GetReportHttpController } from './application/get-report/get-report.http.controller.js';
import { RequestReportHandler } from './application/request-report/request-report.handler.js';
import { ReportRequests } from './application/request-report/report-requests.js';
import { RequestReportHttpController } from './application/request-report/request-report.http.controller.js';
import { ReportJobs, reportsQueue } from './jobs/report-jobs.js';
import { ReportRetention } from './jobs/report-retention.js';
import { ReportPurgeScheduler, ReportsProcessor } from './jobs/reports.processor.js';
import { PostgresReportFiles, ReportFiles } from './storage/report-files.js';
import { ReportStore } from './storage/report-store.js';

/**
 * What asking for and generating reports share: the status store, the files (PostgreSQL by
 * default), the generator, and the plans' as-of reads it builds on. No queue: the CLI generates at
 * once. Needs the global EVENT_STORE, Database and AppConfig.
 */
@Module({
  imports: [CqrsModule, CommandsModule, CouncilSettingsModule, PlansWriteModule],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    // Jobs and the CLI bring no HTTP request: they enter the council's context themselves.
    RequestContext,
    { provide: ReportFiles, useClass: PostgresReportFiles },
    ReportStore,
    ReportRequests,
    ReportGenerator,
  ],
  exports: [
    ReportStore,
    ReportFiles,
    ReportRequests,
    ReportGenerator,
    RequestContext,
    CqrsModule,
    CommandsModule,
    PlansWriteModule,
  ],
})
export class ReportsCoreModule {}

/** The core and the `reports` queue on the platform's Redis: asking for a report queues it. */
@Module({
  imports: [ReportsCoreModule, reportsQueue],
  providers: [ReportJobs, RequestReportHandler],
  exports: [ReportsCoreModule, ReportJobs],
})
export class ReportsQueueModule {}

/** For the API: POST /api/v1/reports, GET /api/v1/reports[/{id}[/file]]; and for the web's report pages. */
@Module({
  imports: [ReportsQueueModule],
  controllers: [RequestReportHttpController, GetReportHttpController],
  exports: [ReportsQueueModule],
})
export class ReportsModule {}

/** For the worker: runs the `reports` queue's jobs (generate a report; purge old files daily). */
@Module({
  imports: [ReportsQueueModule],
  providers: [{ provide: CLOCK, useValue: systemClock }, ReportRetention, ReportsProcessor, ReportPurgeScheduler],
})
export class ReportsJobsModule {}
