import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrmModule, RedisConnection } from '@due-regard/platform';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { ActionAsOfReader } from './as-of/action-as-of.reader.js';
import { ReadYourWrites } from './freshness/read-your-writes.js';
import { ReadYourWritesInterceptor } from './freshness/read-your-writes.interceptor.js';
import { ActionsDueHttpController } from './http/actions-due.http.controller.js';
import { PlanAsOfReader } from './http/plan-as-of.js';
import { PlansReadHttpController } from './http/plans-read.http.controller.js';
import { StrategiesReadHttpController } from './http/strategies-read.http.controller.js';
import { ProjectionLagQueries } from './lag/projection-lag.js';
import { PlansProjectionRunner } from './projection/plans-projection.runner.js';
import { PlansReadQueries } from './queries/plans-read-queries.js';
import { councilRebuilderProvider, PlansReadModelDatabase } from './read-model-database.js';
import { PROJECTIONS_QUEUE, ProjectionsProcessor, RebuildJobs } from './rebuild/projections-queue.js';
import { CouncilRebuilder } from './rebuild/rebuild-council.js';
import { RebuildHttpController } from './rebuild/rebuild.http.controller.js';
import { PLANS_READ_MODEL_ORM } from './schema/migrations.js';

/** The `projections` queue, on the platform's Redis (no root BullMQ connection needed: the API has none). */
const projectionsQueue = BullModule.registerQueueAsync({
  name: PROJECTIONS_QUEUE,
  inject: [RedisConnection],
  useFactory: (redis: RedisConnection) => redis.queueOptions(),
});

const readModelSchema = [OrmModule, OrmModule.forFeature(PLANS_READ_MODEL_ORM)];

/**
 * For the API: GET /api/v1/strategies[/{id}], GET /api/v1/plans[/{planId}] from the council's read
 * models (read-your-writes: each waits, at most 2 s, for the projection), and rebuilds over HTTP
 * (POST/GET /api/v1/projections/rebuild).
 */
@Module({
  imports: [...readModelSchema, CqrsModule, projectionsQueue],
  controllers: [StrategiesReadHttpController, PlansReadHttpController, RebuildHttpController, ActionsDueHttpController],
  providers: [
    PlansReadModelDatabase,
    ReadYourWrites,
    ReadYourWritesInterceptor,
    PlansReadQueries,
    PlanAsOfReader,
    RebuildJobs,
    ActionAsOfReader,
    ProjectionLagQueries,
    { provide: CLOCK, useValue: systemClock },
  ],
  // ActionAsOfReader for the write side's as-of reads of actions; the rest for the web pages.
  exports: [ActionAsOfReader, PlansReadQueries, PlanAsOfReader, ReadYourWrites, ProjectionLagQueries],
})
export class PlansReadModule {}

/** For the projector: the catch-up subscription that keeps every council's plans read models current. */
@Module({
  imports: readModelSchema,
  providers: [PlansReadModelDatabase, PlansProjectionRunner],
  exports: [PlansProjectionRunner],
})
export class PlansProjectionModule {}

/** Rebuilding one council's read models from its events (the CLI, and the worker's jobs). */
@Module({
  imports: readModelSchema,
  providers: [PlansReadModelDatabase, councilRebuilderProvider],
  exports: [CouncilRebuilder],
})
export class PlansRebuildModule {}

/** For the worker: runs the `projections` queue's rebuild jobs. */
@Module({
  imports: [PlansRebuildModule, projectionsQueue],
  providers: [ProjectionsProcessor],
})
export class PlansRebuildJobsModule {}

/** The council's actions with what is due on them, for the daily reminders sweep (the worker and the CLI). */
@Module({
  imports: readModelSchema,
  providers: [PlansReadQueries, { provide: CLOCK, useValue: systemClock }],
  exports: [PlansReadQueries],
})
export class PlansDueQueriesModule {}
