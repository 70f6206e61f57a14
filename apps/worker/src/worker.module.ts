import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { RedisConnection } from '@due-regard/platform';
import { PlansRebuildJobsModule } from '@due-regard/plans';
import { PlanImportJobsModule } from '@due-regard/plan-import-app';

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
  ],
})
export class WorkerModule {}
