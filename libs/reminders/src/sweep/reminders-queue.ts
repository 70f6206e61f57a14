import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CouncilDirectory } from '@due-regard/councils';
import { ukDate } from '@due-regard/plans';
import { RedisConnection } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { TrackingSweep, type SweepReport } from './tracking-sweep.js';

/** The BullMQ queue of the daily reminders (and the accreditation notices sent with them). */
export const REMINDERS_QUEUE = 'reminders';
export const REMIND_JOB = 'send-reminders';
/** The one job scheduler of the day's reminders: upserted at every start, so there is only ever one. */
export const REMIND_SCHEDULER_ID = 'reminders.send-reminders';
/**
 * Daily, in UK time, before the accreditations queue's own sweep (06:15): the notices this sweep
 * raises are the ones it emails to the council's admins.
 */
export const REMIND_SCHEDULE = { pattern: '0 6 * * *', tz: 'Europe/London' } as const;

/**
 * The scheduled job carries nothing: it sweeps every council as of the day it runs. A job queued by
 * hand may name the day (`asOf`) and one council. Each reminder is sent once, whatever runs twice,
 * and the planner's window catches up days missed.
 */
export interface RemindJobData {
  readonly asOf?: string;
  readonly councilSlug?: string;
}

export interface RemindJobResult {
  readonly asOf: string;
  readonly reports: readonly SweepReport[];
}

export type RemindJob = Job<RemindJobData, RemindJobResult>;

/** The `reminders` queue, on the platform's Redis. */
export const remindersQueue = BullModule.registerQueueAsync({
  name: REMINDERS_QUEUE,
  inject: [RedisConnection],
  useFactory: (redis: RedisConnection) => redis.queueOptions(),
});

const ATTEMPTS = 5;

@Injectable()
export class ReminderJobs {
  constructor(@InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue<RemindJobData, RemindJobResult>) {}

  /** Schedules the daily sweep; upserting the same scheduler id again changes nothing. */
  async scheduleDaily(): Promise<void> {
    await this.queue.upsertJobScheduler(REMIND_SCHEDULER_ID, REMIND_SCHEDULE, {
      name: REMIND_JOB,
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

/** The worker schedules the reminders when it starts. */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReminderJobs');

  constructor(private readonly jobs: ReminderJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.scheduleDaily();
    this.logger.log(`Reminders are sent daily (${REMIND_SCHEDULE.pattern}, ${REMIND_SCHEDULE.tz})`);
  }
}

/** Runs the sweep for every council registered (or the one the job names), as of the job's day. */
@Processor(REMINDERS_QUEUE)
export class RemindersProcessor extends WorkerHost {
  private readonly logger = new Logger('ReminderJobs');

  constructor(
    private readonly sweep: TrackingSweep,
    private readonly councils: CouncilDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: RemindJob): Promise<RemindJobResult> {
    if (job.name !== REMIND_JOB) throw new Error(`The reminders queue has no job "${job.name}"`);
    const asOf = job.data.asOf ?? ukDate(this.clock.now());
    await this.councils.catchUp();
    const slugs =
      job.data.councilSlug === undefined ? this.councils.list().map((council) => council.slug) : [job.data.councilSlug];
    const reports: SweepReport[] = [];
    for (const slug of slugs) reports.push(await this.sweep.sweep(slug, asOf, `${REMIND_JOB}:${job.id ?? asOf}`));
    const sent = reports.reduce((total, report) => total + report.reminders.length + report.notices.length, 0);
    if (sent > 0) this.logger.log(`Swept ${slugs.length} councils as of ${asOf}: ${sent} reminders and notices`);
    return { asOf, reports };
  }
}
