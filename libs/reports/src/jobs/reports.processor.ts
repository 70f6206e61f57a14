import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { ReportGenerator, ReportNotPossible } from '../application/generate-report/report-generator.js';
import {
  GENERATE_JOB,
  PURGE_JOB,
  REPORTS_QUEUE,
  ReportJobs,
  type PurgeResult,
  type ReportJob,
  type ReportJobResult,
  type ReportsQueueJob,
} from './report-jobs.js';
import { ReportRetention } from './report-retention.js';

/**
 * Generates reports: enters the job's council (source `job`, acting as the platform), and lets the
 * generator rebuild, render, store and record. A report that cannot be made (the plan did not exist
 * then) fails at once; anything else is tried again with backoff, and recorded as failed, with why,
 * after the last try. A worker killed mid-job leaves its job stalled: BullMQ gives it to the next
 * worker after the lock lapses, and the generator finishes it without a second `ReportGenerated`.
 */
@Processor(REPORTS_QUEUE, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger('ReportJobs');

  constructor(
    private readonly generator: ReportGenerator,
    private readonly context: RequestContext,
    private readonly retention: ReportRetention,
  ) {
    super();
  }

  async process(job: ReportsQueueJob): Promise<ReportJobResult | PurgeResult> {
    if (job.name === PURGE_JOB) {
      const result = await this.retention.purge();
      this.logger.log(`Deleted ${result.deleted} report files stored before ${result.cutoff}`);
      return result;
    }
    if (job.name !== GENERATE_JOB) throw new Error(`The reports queue has no job "${job.name}"`);
    // Queued by ReportJobs.submit under this name, with ReportJobData.
    return this.generate(job as ReportJob);
  }

  private generate(job: ReportJob): Promise<ReportJobResult> {
    const { tenant, reportId, correlationId } = job.data;
    const entry = {
      tenant: { kind: 'council', slug: tenant },
      correlationId,
      source: 'job',
      principal: SYSTEM_PRINCIPAL,
    } as const;
    return this.context.run(entry, async (): Promise<ReportJobResult> => {
      try {
        const done = await this.generator.generate(reportId, (percent) => job.updateProgress(percent));
        await job.updateProgress(100);
        if (done.outcome === 'not-requested') return { reportId, outcome: done.outcome, sha256: null, error: null };
        this.logger.log(`Generated ${tenant}'s report ${reportId} (${done.outcome})`);
        return { reportId, outcome: done.outcome, sha256: done.sha256, error: null };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ReportNotPossible || error instanceof DomainRuleViolation) {
          await this.generator.fail(reportId, message);
          return { reportId, outcome: 'failed', sha256: null, error: message };
        }
        if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
          await this.generator.fail(reportId, `The report could not be generated: ${message}`);
        }
        throw error;
      }
    });
  }
}

/** The worker schedules the daily purge of old report files when it starts. */
@Injectable()
export class ReportPurgeScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReportJobs');

  constructor(
    private readonly jobs: ReportJobs,
    private readonly retention: ReportRetention,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedulePurge();
    this.logger.log(`Report files are deleted daily after ${this.retention.retentionDays} days`);
  }
}
