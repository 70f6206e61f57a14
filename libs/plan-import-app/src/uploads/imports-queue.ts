import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { RequestContext } from '@due-regard/identity';
import { parsePlanDocument, PlanImportError } from '@due-regard/plan-import';
import { RedisConnection } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { importDefaultsFor } from '../commit/document-lines.js';
import { ukDate } from '../commit/import-committer.js';
import { ImportRetention, type PurgeReport } from './import-retention.js';
import { ImportStore } from './import-store.js';

/** The BullMQ queue that reads uploaded plan documents into previews, and purges old uploads. */
export const IMPORTS_QUEUE = 'imports';
export const PARSE_JOB = 'parse-plan-document';
/** Deletes uploads older than IMPORT_RETENTION_DAYS (every council's): see ImportRetention. */
export const PURGE_JOB = 'purge-old-uploads';
/** The one job scheduler of the purge: upserted at every start, so there is only ever one. */
export const PURGE_SCHEDULER_ID = 'plan-import.purge-old-uploads';
/** Daily, at a quiet hour. */
export const PURGE_SCHEDULE = { pattern: '17 3 * * *', tz: 'Europe/London' } as const;

/** Carries the tenant: the processor acts for that council only. */
export interface ImportJobData {
  readonly tenant: string;
  readonly importId: string;
  /** Which reading of the upload this job is for (a new column mapping is a new generation). */
  readonly generation: number;
  /** Pseudonymous subject id of whoever uploaded or remapped. */
  readonly requestedBy: string;
  readonly correlationId: string;
}

export interface ImportJobResult {
  readonly importId: string;
  readonly generation: number;
  /** `superseded`: a newer reading was asked for meanwhile, this one wrote nothing. */
  readonly outcome: 'ready' | 'failed' | 'superseded';
  readonly actions: number | null;
  readonly error: string | null;
}

export type ImportJob = Job<ImportJobData, ImportJobResult>;

/** The purge is for every council at once: it carries no tenant. */
export type PurgeJobData = Record<string, never>;
export type PurgeJob = Job<PurgeJobData, PurgeReport>;
type ImportsQueueJob = Job<ImportJobData | PurgeJobData, ImportJobResult | PurgeReport>;

/** The `imports` queue, on the platform's Redis (the API enqueues, the worker consumes). */
export const importsQueue = BullModule.registerQueueAsync({
  name: IMPORTS_QUEUE,
  inject: [RedisConnection],
  useFactory: (redis: RedisConnection) => redis.queueOptions(),
});

/** The job id of one reading of one upload: submitting it again adds nothing. */
export function importJobId(data: Pick<ImportJobData, 'tenant' | 'importId' | 'generation'>): string {
  return `plan-import.${data.tenant}.${data.importId}.${data.generation}`;
}

const ATTEMPTS = 3;

@Injectable()
export class ImportJobs {
  constructor(
    @InjectQueue(IMPORTS_QUEUE)
    private readonly queue: Queue<ImportJobData | PurgeJobData, ImportJobResult | PurgeReport>,
    private readonly redis: RedisConnection,
  ) {}

  /** Queues the reading of an upload; the same reading queued twice is one job. 503 while Redis is down. */
  async submit(data: ImportJobData): Promise<string> {
    const jobId = importJobId(data);
    await this.redis.available('queue the reading of your upload', () =>
      this.queue.add(PARSE_JOB, data, {
        jobId,
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      }),
    );
    return jobId;
  }

  /**
   * Queues a reading again unless its job is still waiting, delayed or running; a finished or
   * failed job of the same id (which would make `add` a no-op) is removed first. True when queued.
   */
  async resubmitUnlessLive(data: ImportJobData): Promise<boolean> {
    const job = await this.queue.getJob(importJobId(data));
    if (job !== undefined) {
      const state = await job.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
      await job.remove();
    }
    await this.submit(data);
    return true;
  }

  /** Schedules the daily purge of old uploads; upserting the same scheduler id again changes nothing. */
  async schedulePurge(): Promise<void> {
    await this.queue.upsertJobScheduler(PURGE_SCHEDULER_ID, PURGE_SCHEDULE, {
      name: PURGE_JOB,
      data: {},
      opts: {
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { count: 30 },
        removeOnFail: { count: 30 },
      },
    });
  }
}

/** The worker schedules the purge when it starts (the API only enqueues reads). */
@Injectable()
export class ImportPurgeScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('ImportJobs');

  constructor(
    private readonly jobs: ImportJobs,
    private readonly retention: ImportRetention,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedulePurge();
    this.logger.log(`Uploads are purged daily after ${this.retention.retentionDays} days`);
  }
}

/**
 * Reads uploads into previews: enters the request context of the job's council (source `job`),
 * parses the stored bytes with the upload's column mapping and quarter convention, and stores the
 * preview, or the importer's one-line error. Nothing is appended to the event store here.
 */
@Processor(IMPORTS_QUEUE, { concurrency: 2 })
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger('ImportJobs');

  constructor(
    private readonly store: ImportStore,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly retention: ImportRetention,
  ) {
    super();
  }

  async process(job: ImportsQueueJob): Promise<ImportJobResult | PurgeReport> {
    if (job.name === PURGE_JOB) {
      const report = await this.retention.purge();
      this.logger.log(
        `Purged uploads untouched since ${report.cutoff}: ${report.deleted} deleted, ${report.stripped} committed kept as metadata`,
      );
      return report;
    }
    if (job.name !== PARSE_JOB) throw new Error(`The imports queue has no job "${job.name}"`);
    // Queued by ImportJobs.submit under this name, with ImportJobData.
    return this.parse(job as ImportJob);
  }

  private async parse(job: ImportJob): Promise<ImportJobResult> {
    const { tenant, importId, generation, correlationId } = job.data;
    return this.context.run({ tenant: { kind: 'council', slug: tenant }, correlationId, source: 'job' }, async () => {
      const superseded: ImportJobResult = { importId, generation, outcome: 'superseded', actions: null, error: null };
      const document = await this.store.document(importId);
      if (document === null || document.generation !== generation) return superseded;
      if (!(await this.store.markParsing(importId, generation, 10))) return superseded;
      await job.updateProgress(10);
      try {
        const input = {
          fileName: document.fileName,
          bytes: document.bytes,
          ...(document.mediaType === null ? {} : { mediaType: document.mediaType }),
        };
        const preview = await parsePlanDocument(input, {
          quarterConvention: document.quarterConvention,
          columnMapping: document.columnMapping,
          rowRoles: document.rowRoles,
        });
        await this.store.markParsing(importId, generation, 70);
        await job.updateProgress(70);
        const defaults = await importDefaultsFor(input, preview, ukDate(this.clock.now()));
        const stored = await this.store.markReady(importId, generation, preview, defaults);
        await job.updateProgress(100);
        if (!stored) return superseded;
        this.logger.log(`Read ${tenant}'s upload ${importId}: ${preview.actions.length} actions`);
        return { importId, generation, outcome: 'ready', actions: preview.actions.length, error: null };
      } catch (error) {
        if (error instanceof PlanImportError) {
          // The document itself is at fault: trying again would read it the same way.
          await this.store.markFailed(importId, generation, error.code, error.message);
          await job.updateProgress(100);
          return { importId, generation, outcome: 'failed', actions: null, error: error.message };
        }
        if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
          const message = error instanceof Error ? error.message : String(error);
          await this.store.markFailed(importId, generation, 'INTERNAL', `The document could not be read: ${message}`);
        }
        throw error;
      }
    });
  }
}
