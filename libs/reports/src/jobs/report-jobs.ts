import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QUEUE_PREFIX, RedisConnection } from '@due-regard/platform';
import { reportJobId } from '../application/shared/report-ids.js';

/** The BullMQ queue that generates reports, and purges old report files. */
export const REPORTS_QUEUE = 'reports';
export const GENERATE_JOB = 'generate-report';
export const PURGE_JOB = 'purge-old-report-files';
/** The one job scheduler of the purge: upserted at every start of the worker. */
export const PURGE_SCHEDULER_ID = 'reports.purge-old-report-files';
export const PURGE_SCHEDULE = { pattern: '41 3 * * *', tz: 'Europe/London' } as const;

/** Carries the tenant: the processor acts for that council only. */
export interface ReportJobData {
  readonly tenant: string;
  readonly reportId: string;
  readonly attempt: number;
  /** When the report was first asked for in this council's history (its status row's time). */
  readonly requestedAt: string;
  readonly correlationId: string;
}

export interface ReportJobResult {
  readonly reportId: string;
  readonly outcome: 'generated' | 'failed' | 'already-generated' | 'not-requested';
  readonly sha256: string | null;
  readonly error: string | null;
}

export interface PurgeResult {
  readonly cutoff: string;
  readonly deleted: number;
}

export type ReportJob = Job<ReportJobData, ReportJobResult>;
export type ReportsQueueJob = Job<ReportJobData | Record<string, never>, ReportJobResult | PurgeResult>;

/** Tries per report before it is recorded as failed; BullMQ waits longer each time. */
export const ATTEMPTS = 3;
export const BACKOFF = { type: 'exponential', delay: 2000 } as const;

/** The `reports` queue, on the platform's Redis (the API enqueues, the worker consumes). */
export const reportsQueue = BullModule.registerQueueAsync({
  name: REPORTS_QUEUE,
  inject: [RedisConnection],
  useFactory: (redis: RedisConnection) => ({
    prefix: QUEUE_PREFIX,
    // Workers block on Redis: BullMQ requires commands never to give up retrying.
    connection: { url: redis.url, maxRetriesPerRequest: null },
  }),
});

@Injectable()
export class ReportJobs {
  constructor(
    @InjectQueue(REPORTS_QUEUE)
    private readonly queue: Queue<ReportJobData | Record<string, never>, ReportJobResult | PurgeResult>,
  ) {}

  /** Queues the generation of one attempt of a report; queued twice, it is one job. */
  async submit(data: ReportJobData): Promise<string> {
    const jobId = reportJobId(data.tenant, data.reportId, data.attempt, data.requestedAt);
    await this.queue.add(GENERATE_JOB, data, {
      jobId,
      attempts: ATTEMPTS,
      backoff: BACKOFF,
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return jobId;
  }

  async schedulePurge(): Promise<void> {
    await this.queue.upsertJobScheduler(PURGE_SCHEDULER_ID, PURGE_SCHEDULE, {
      name: PURGE_JOB,
      data: {},
      opts: { attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 30 } },
    });
  }
}
