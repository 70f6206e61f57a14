import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { RequestContext } from '@due-regard/identity';
import { RedisConnection } from '@due-regard/platform';
import { CouncilRebuilder, type RebuildProgress, type RebuildResult } from './rebuild-council.js';
import type { RebuildJobView } from './rebuild.view.js';

/** The BullMQ queue of read-model rebuilds. */
export const PROJECTIONS_QUEUE = 'projections';
export const REBUILD_JOB = 'rebuild-council-read-models';

/** Carries the tenant: the processor acts for that council only. */
export interface RebuildJobData {
  readonly tenant: string;
  /** Pseudonymous subject id of whoever asked. */
  readonly requestedBy: string;
  readonly correlationId: string;
}

export type RebuildJob = Job<RebuildJobData, RebuildResult>;

function progressOf(job: RebuildJob): RebuildProgress | null {
  const progress: unknown = job.progress;
  return typeof progress === 'object' && progress !== null ? (progress as RebuildProgress) : null;
}

/** Submits rebuilds and reads their state, for the council of the request only. */
@Injectable()
export class RebuildJobs {
  constructor(
    @InjectQueue(PROJECTIONS_QUEUE) private readonly queue: Queue<RebuildJobData, RebuildResult>,
    private readonly redis: RedisConnection,
  ) {}

  /**
   * Submitting the same job id again answers the job already there (a re-submission adds nothing).
   * 503 while Redis is down.
   */
  async submit(jobId: string, data: RebuildJobData): Promise<RebuildJobView> {
    const existing = await this.find(jobId, data.tenant);
    if (existing) return existing;
    const job = await this.redis.available('queue the rebuild', () =>
      this.queue.add(REBUILD_JOB, data, {
        jobId,
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      }),
    );
    return this.view(job);
  }

  /** The job, when it exists and is this council's; null otherwise (never another council's). 503 while Redis is down. */
  async find(jobId: string, tenant: string): Promise<RebuildJobView | null> {
    const job = await this.redis.available('read the rebuild', () => this.queue.getJob(jobId));
    if (!job || job.data.tenant !== tenant) return null;
    return this.view(job);
  }

  private async view(job: RebuildJob): Promise<RebuildJobView> {
    return {
      jobId: job.id ?? '',
      council: job.data.tenant,
      state: await job.getState(),
      progress: progressOf(job),
      result: job.returnvalue ?? null,
      failedReason: job.failedReason || null,
      attempts: job.attemptsMade,
      createdAt: new Date(job.timestamp).toISOString(),
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }
}

/**
 * Runs rebuild jobs, one at a time. Each job enters the request context of its council (not a
 * request-scoped processor: the context is the AsyncLocalStorage one every request uses).
 */
@Processor(PROJECTIONS_QUEUE, { concurrency: 1 })
export class ProjectionsProcessor extends WorkerHost {
  private readonly logger = new Logger('ProjectionsJobs');
  private readonly context = new RequestContext();

  constructor(private readonly rebuilder: CouncilRebuilder) {
    super();
  }

  async process(job: RebuildJob): Promise<RebuildResult> {
    const { tenant, correlationId } = job.data;
    return this.context.run({ tenant: { kind: 'council', slug: tenant }, correlationId, source: 'job' }, async () => {
      const result = await this.rebuilder.rebuild(this.context.councilSlug(), {
        onProgress: (progress) => job.updateProgress(progress),
      });
      this.logger.log(
        `Rebuilt ${result.council}'s plans read models from ${result.events} events in ${result.seconds.toFixed(1)} s`,
      );
      return result;
    });
  }
}
