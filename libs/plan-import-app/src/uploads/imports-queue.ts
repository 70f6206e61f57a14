import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { RequestContext } from '@due-regard/identity';
import { parsePlanDocument, PlanImportError } from '@due-regard/plan-import';
import { QUEUE_PREFIX } from '@due-regard/plans';
import { RedisConnection } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { importDefaultsFor } from '../commit/document-lines.js';
import { ukDate } from '../commit/import-committer.js';
import { ImportStore } from './import-store.js';

/** The BullMQ queue that reads uploaded plan documents into previews. */
export const IMPORTS_QUEUE = 'imports';
export const PARSE_JOB = 'parse-plan-document';

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

/** The `imports` queue, on the platform's Redis (the API enqueues, the worker consumes). */
export const importsQueue = BullModule.registerQueueAsync({
  name: IMPORTS_QUEUE,
  inject: [RedisConnection],
  useFactory: (redis: RedisConnection) => ({
    prefix: QUEUE_PREFIX,
    // Workers block on Redis: BullMQ requires commands never to give up retrying.
    connection: { url: redis.url, maxRetriesPerRequest: null },
  }),
});

/** The job id of one reading of one upload: submitting it again adds nothing. */
export function importJobId(data: Pick<ImportJobData, 'tenant' | 'importId' | 'generation'>): string {
  return `plan-import.${data.tenant}.${data.importId}.${data.generation}`;
}

const ATTEMPTS = 3;

@Injectable()
export class ImportJobs {
  constructor(@InjectQueue(IMPORTS_QUEUE) private readonly queue: Queue<ImportJobData, ImportJobResult>) {}

  /** Queues the reading of an upload; the same reading queued twice is one job. */
  async submit(data: ImportJobData): Promise<string> {
    const jobId = importJobId(data);
    await this.queue.add(PARSE_JOB, data, {
      jobId,
      attempts: ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return jobId;
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
  ) {
    super();
  }

  async process(job: ImportJob): Promise<ImportJobResult> {
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
