import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Database } from '@due-regard/platform';
import { ImportJobs } from './imports-queue.js';
import { IMPORTS_SCHEMA as S } from './imports.migrations.js';

/** An upload waiting this long, or reading this long, with no live job behind it, is queued again. */
export const STRANDED_AFTER_SECONDS = 60;
/** How often the worker looks for them. */
export const REDRIVE_EVERY_MS = 60_000;

interface StrandedRow {
  readonly import_id: string;
  readonly tenant_id: string;
  readonly generation: number;
  readonly uploaded_by: string;
}

/**
 * Uploads left `queued` or `parsing` with no job that will read them (Redis lost its data, another
 * instance on the same prefix took the job, the worker died mid-read and the job ran out of
 * attempts) are queued again: at the worker's start and every minute. Nothing is queued twice: a
 * reading whose job is still waiting, delayed or running is left to it.
 */
@Injectable()
export class ImportRedrive implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ImportJobs');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    private readonly jobs: ImportJobs,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.redrive().catch((error: unknown) =>
        this.logger.warn(
          `Could not look for stranded uploads: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    };
    run();
    this.timer = setInterval(run, REDRIVE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Queues every stranded upload's reading again; answers how many. */
  async redrive(strandedAfterSeconds = STRANDED_AFTER_SECONDS): Promise<number> {
    const { rows } = await this.database.pool.query<StrandedRow>(
      `SELECT import_id, tenant_id, generation, uploaded_by FROM ${S}.imports
        WHERE status IN ('queued', 'parsing') AND updated_at < now() - make_interval(secs => $1)`,
      [strandedAfterSeconds],
    );
    let requeued = 0;
    for (const row of rows) {
      const data = {
        tenant: row.tenant_id,
        importId: row.import_id,
        generation: row.generation,
        requestedBy: row.uploaded_by,
        correlationId: randomUUID(),
      };
      if (await this.jobs.resubmitUnlessLive(data)) requeued += 1;
    }
    if (requeued > 0) this.logger.warn(`Queued ${requeued} stranded upload(s) again`);
    return requeued;
  }
}
