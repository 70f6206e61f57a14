import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUE_PREFIX, RedisConnection } from '@due-regard/platform';
import { PlansRebuildJobsModule } from '@due-regard/plans';
import { PlanImportJobsModule } from '@due-regard/plan-import-app';
import { ReportsJobsModule } from '@due-regard/reports';

/**
 * BullMQ consumers (reports, accreditations, reminders, imports, projection rebuilds) register their
 * queues and processors here; for now only the shared connection to the platform's Redis.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection) => ({
        prefix: QUEUE_PREFIX,
        // Workers block on Redis: BullMQ requires commands never to give up retrying.
        connection: { url: redis.url, maxRetriesPerRequest: null },
      }),
    }),
    PlansRebuildJobsModule,
    PlanImportJobsModule,
    ReportsJobsModule,
  ],
})
export class WorkerModule {}
