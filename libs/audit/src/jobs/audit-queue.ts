import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CouncilDirectory } from '@due-regard/councils';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { RedisConnection } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { IntegrityCheck } from '../alarm/integrity-check.js';
import { TakeCheckpointHandler } from '../application/take-checkpoint/take-checkpoint.handler.js';
import { describeBreak } from '../application/verify-integrity/verify-integrity.view.js';

/** The BullMQ queue of the audit context: verifying every council's log, and taking its checkpoints. */
export const AUDIT_QUEUE = 'audit';
/** Verifies every council's log; with `checkpoint`, then takes a signed checkpoint of each that verifies. */
export const VERIFY_JOB = 'verify-councils';
/** The daily run's one job scheduler: upserted at every start, so there is only ever one. */
export const DAILY_SCHEDULER_ID = 'audit.daily-verification';
/** Daily, at a quiet hour. */
export const DAILY_SCHEDULE = { pattern: '7 4 * * *', tz: 'Europe/London' } as const;

/** Every council at once: the job carries no tenant; the processor enters each council's context in turn. */
export interface VerifyJobData {
  /** Take a checkpoint of each council whose log verifies (the daily run does; the run at start does not). */
  readonly checkpoint: boolean;
}

export interface VerifyJobResult {
  readonly councils: number;
  /** Councils whose log did not verify, each with its first break. */
  readonly broken: readonly { readonly council: string; readonly firstBreak: string }[];
  readonly checkpoints: number;
}

/** The `audit` queue, on the platform's Redis. */
export const auditQueue = BullModule.registerQueueAsync({
  name: AUDIT_QUEUE,
  inject: [RedisConnection],
  useFactory: (redis: RedisConnection) => redis.queueOptions(),
});

const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { count: 60 },
  removeOnFail: { count: 60 },
} as const;

@Injectable()
export class AuditJobs {
  constructor(@InjectQueue(AUDIT_QUEUE) private readonly queue: Queue<VerifyJobData, VerifyJobResult>) {}

  /** The daily verification and checkpoints; upserting the same scheduler again changes nothing. */
  async scheduleDaily(): Promise<void> {
    await this.queue.upsertJobScheduler(DAILY_SCHEDULER_ID, DAILY_SCHEDULE, {
      name: VERIFY_JOB,
      data: { checkpoint: true },
      opts: JOB_OPTIONS,
    });
  }

  /** A job of the queue, by id (its state and return value). */
  find(jobId: string): Promise<Job<VerifyJobData, VerifyJobResult> | undefined> {
    return this.queue.getJob(jobId);
  }

  /** A verification now (at start, or when asked): the job it queued. */
  verifyNow(reason: string, data: VerifyJobData): Promise<Job<VerifyJobData, VerifyJobResult>> {
    return this.queue.add(VERIFY_JOB, data, { ...JOB_OPTIONS, jobId: `audit.verify.${reason}` });
  }
}

/** The worker schedules the daily run, and runs a verification as it starts. */
@Injectable()
export class AuditScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditJobs');

  constructor(
    private readonly jobs: AuditJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.scheduleDaily();
    await this.jobs.verifyNow(`start-${this.clock.now().getTime()}-${process.pid}`, { checkpoint: false });
    this.logger.log("Every council's log is verified now and daily; a checkpoint is taken daily");
  }
}

/**
 * Verifies every council's log in that council's context (source `job`, the platform as actor):
 * a break raises the council's alarm (IntegrityBreakDetected in its alarm stream, /health
 * degraded, a banner on the audit and admin pages); a log that verifies gets its daily checkpoint.
 */
@Processor(AUDIT_QUEUE, { concurrency: 1 })
export class AuditProcessor extends WorkerHost {
  private readonly logger = new Logger('AuditJobs');

  constructor(
    private readonly councils: CouncilDirectory,
    private readonly context: RequestContext,
    private readonly check: IntegrityCheck,
    private readonly checkpoints: TakeCheckpointHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<VerifyJobData, VerifyJobResult>): Promise<VerifyJobResult> {
    if (job.name !== VERIFY_JOB) throw new Error(`The audit queue has no job "${job.name}"`);
    await this.councils.catchUp();
    const councils = this.councils.list();
    const broken: { council: string; firstBreak: string }[] = [];
    let checkpoints = 0;
    for (const [index, { slug }] of councils.entries()) {
      const entry = {
        tenant: { kind: 'council', slug } as const,
        correlationId: `${job.id ?? VERIFY_JOB}.${slug}`,
        source: 'job' as const,
        principal: SYSTEM_PRINCIPAL,
      };
      await this.context.run(entry, async () => {
        const verification = await this.check.run(this.clock.now());
        const firstBreak = verification.breaks[0];
        if (firstBreak) {
          broken.push({ council: slug, firstBreak: describeBreak(firstBreak) });
          this.logger.error(`${slug}'s log does not verify: ${describeBreak(firstBreak)}`);
        } else if (job.data.checkpoint) {
          await this.checkpoints.execute();
          checkpoints += 1;
        }
      });
      await job.updateProgress(Math.round(((index + 1) / councils.length) * 100));
    }
    return { councils: councils.length, broken, checkpoints };
  }
}
