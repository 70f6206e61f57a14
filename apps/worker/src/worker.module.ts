import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AccreditationsJobsModule } from '@due-regard/accreditations';
import { MetricsModule, RedisConnection } from '@due-regard/platform';
import { AuditJobsModule } from '@due-regard/audit';
import { PlansRebuildJobsModule } from '@due-regard/plans';
import { PlanImportJobsModule } from '@due-regard/plan-import-app';
import { ReportsJobsModule } from '@due-regard/reports';
import { RemindersJobsModule } from '@due-regard/reminders';

/**
 * BullMQ consumers (reports, accreditations, reminders, imports, projection rebuilds) register their
 * queues and processors here; for now only the shared connection to the platform's Redis.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection) => redis.queueOptions(),
    }),
    PlansRebuildJobsModule,
    PlanImportJobsModule,
    // The worker has no HTTP: with METRICS_PORT its figures (queues, appends) get a port of their own.
    MetricsModule,
    AccreditationsJobsModule,
    AuditJobsModule,
    ReportsJobsModule,
    RemindersJobsModule,
  ],
})
export class WorkerModule {}
