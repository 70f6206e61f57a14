import { createHash } from 'node:crypto';
import { streamName } from '@due-regard/event-store';
import type { ReportFormat, ReportType } from '../../domain/report.js';

/** What names a report: the same request of the same council is the same report. */
export interface ReportKey {
  readonly council: string;
  readonly type: ReportType;
  /** The plan (progress) or the financial year (annual). */
  readonly subject: string;
  readonly asOf: string;
  readonly since: string | null;
  readonly format: ReportFormat;
}

/** 32 hexadecimal digits of the SHA-256 of the request: the report's id, its stream's and its job's. */
export function reportIdOf(key: ReportKey): string {
  return createHash('sha256')
    .update([key.council, key.type, key.subject, key.asOf, key.since ?? '', key.format].join('\n'))
    .digest('hex')
    .slice(0, 32);
}

export const reportStream = (council: string, reportId: string): string => streamName('report', council, reportId);

/**
 * One job per attempt of a report: asking twice while it runs adds nothing; after a failure, a new
 * attempt runs. When the report was first asked for is part of it, so that a council's history
 * started afresh (a demo reset, a test's new database) never meets an old job of the same request
 * still kept in Redis.
 */
export function reportJobId(council: string, reportId: string, attempt: number, requestedAt: string): string {
  return `reports.${council}.${reportId}.${attempt}.${Date.parse(requestedAt)}`;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
