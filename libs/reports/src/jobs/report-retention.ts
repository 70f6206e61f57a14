import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { ReportFiles } from '../storage/report-files.js';
import type { PurgeResult } from './report-jobs.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Report files are kept REPORT_RETENTION_DAYS (365 by default) after they were stored, then
 * deleted, for every council. The report's events stay, with the document's SHA-256: a copy kept
 * elsewhere can still be shown to be the one generated, and the report asked for again.
 */
@Injectable()
export class ReportRetention {
  constructor(
    private readonly files: ReportFiles,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get retentionDays(): number {
    return this.config.reports.retentionDays;
  }

  async purge(): Promise<PurgeResult> {
    const cutoff = new Date(this.clock.now().getTime() - this.retentionDays * DAY_MS);
    return { cutoff: cutoff.toISOString(), deleted: await this.files.deleteStoredBefore(cutoff) };
  }
}
