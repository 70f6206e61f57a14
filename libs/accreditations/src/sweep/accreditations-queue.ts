import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CouncilDirectory } from '@due-regard/councils';
import { RedisConnection } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { ukDay } from '../application/shared/uk-today.js';
import { AwardNoticeSweep, type RaisedNotice } from './award-notice-sweep.js';

/** The BullMQ queue of accreditation tracking: the daily sweep of renewals and lapses. */
export const ACCREDITATIONS_QUEUE = 'accreditations';
export const SWEEP_JOB = 'sweep-award-notices';
/** The one job scheduler of the sweep: upserted at every start, so there is only ever one. */
export const SWEEP_SCHEDULER_ID = 'accreditations.sweep-award-notices';
/** Daily, early, in UK time: notices are waiting when the council's admins start work. */
export const SWEEP_SCHEDULE = { pattern: '15 6 * * *', tz: 'Europe/London' } as const;

/**
 * The scheduled job carries nothing: it sweeps every council as of the day it runs. A job queued by
 * hand may name the day (`asOf`) and one council. Either way each notice is raised once per award:
 * the journeys remember what was raised, so a day run twice raises nothing twice and a day missed
 * is caught up by the next run.
 */
export interface SweepJobData {
  readonly asOf?: string;
  readonly councilSlug?: string;
}

export interface SweepJobResult {
  readonly asOf: string;
  readonly councils: number;
  readonly raised: readonly RaisedNotice[];
}

export type SweepJob = Job<SweepJobData, SweepJobResult>;

/** The `accreditations` queue, on the platform's Redis. */
export const accreditationsQueue = BullModule.registerQueueAsync({
  name: ACCREDITATIONS_QUEUE,
  inject: [RedisConnection],
  useFactory: (redis: RedisConnection) => redis.queueOptions(),
});

const ATTEMPTS = 5;

@Injectable()
export class AccreditationJobs {
  constructor(@InjectQueue(ACCREDITATIONS_QUEUE) private readonly queue: Queue<SweepJobData, SweepJobResult>) {}

  /** Schedules the daily sweep; upserting the same scheduler id again changes nothing. */
  async scheduleDailySweep(): Promise<void> {
    await this.queue.upsertJobScheduler(SWEEP_SCHEDULER_ID, SWEEP_SCHEDULE, {
      name: SWEEP_JOB,
      data: {},
      opts: {
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { count: 60 },
        removeOnFail: { count: 60 },
      },
    });
  }
}

/** The worker schedules the sweep when it starts. */
@Injectable()
export class AccreditationSweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccreditationJobs');

  constructor(private readonly jobs: AccreditationJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.scheduleDailySweep();
    this.logger.log(`Renewals and lapses are swept daily (${SWEEP_SCHEDULE.pattern}, ${SWEEP_SCHEDULE.tz})`);
  }
}

/** Runs the sweep for every council registered (or the one the job names), as of the job's day. */
@Processor(ACCREDITATIONS_QUEUE)
export class AccreditationsProcessor extends WorkerHost {
  private readonly logger = new Logger('AccreditationJobs');

  constructor(
    private readonly sweep: AwardNoticeSweep,
    private readonly councils: CouncilDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: SweepJob): Promise<SweepJobResult> {
    if (job.name !== SWEEP_JOB) throw new Error(`The accreditations queue has no job "${job.name}"`);
    const asOf = job.data.asOf ?? ukDay(this.clock.now());
    await this.councils.catchUp();
    const slugs =
      job.data.councilSlug === undefined ? this.councils.list().map((council) => council.slug) : [job.data.councilSlug];
    const raised: RaisedNotice[] = [];
    for (const slug of slugs) raised.push(...(await this.sweep.sweep(slug, asOf, `${SWEEP_JOB}:${job.id ?? asOf}`)));
    if (raised.length > 0) this.logger.log(`Swept ${slugs.length} councils as of ${asOf}: ${raised.length} raised`);
    return { asOf, councils: slugs.length, raised };
  }
}
