import { z } from 'zod';
import { REPORT_FORMATS, REPORT_TYPES, type ReportFormat, type ReportType } from '../../domain/report.js';
import { REPORT_STATUSES, type ReportRecord, type ReportStatus } from '../../storage/report-store.js';

/** A report and where it stands: what asking for one answers, and `GET /api/v1/reports/{id}`. */
export interface ReportView {
  readonly id: string;
  readonly status: ReportStatus;
  readonly progress: number;
  readonly type: ReportType;
  readonly format: ReportFormat;
  readonly planId: string | null;
  readonly year: number | null;
  readonly asOf: string;
  readonly since: string | null;
  readonly title: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly generatedAt: string | null;
  readonly sha256?: string;
  readonly error?: string;
  readonly fileName?: string;
}

export function reportView(record: ReportRecord): ReportView {
  return {
    id: record.id,
    status: record.status,
    progress: record.progress,
    type: record.type,
    format: record.format,
    planId: record.planId,
    year: record.year,
    asOf: record.asOf,
    since: record.since,
    title: record.subjectTitle,
    requestedBy: record.requestedBy,
    requestedAt: record.requestedAt,
    generatedAt: record.generatedAt,
    ...(record.sha256 === null ? {} : { sha256: record.sha256 }),
    ...(record.error === null ? {} : { error: record.error }),
    ...(record.fileName === null ? {} : { fileName: record.fileName }),
  };
}

export const reportViewSchema: z.ZodType<ReportView> = z.object({
  id: z.string().describe('32 hexadecimal digits, derived from the request: asking again names the same report'),
  status: z.enum(REPORT_STATUSES),
  progress: z.int().min(0).max(100),
  type: z.enum(REPORT_TYPES),
  format: z.enum(REPORT_FORMATS),
  planId: z.uuid().nullable(),
  year: z.int().nullable(),
  asOf: z.iso.date(),
  since: z.iso.date().nullable(),
  title: z.string().nullable().describe('The plan’s title or the year, once generated'),
  requestedBy: z.string().describe('Pseudonymous subject id of whoever asked first'),
  requestedAt: z.iso.datetime(),
  generatedAt: z.iso.datetime().nullable(),
  sha256: z.string().optional().describe('The SHA-256 of the document, as its ReportGenerated event records it'),
  error: z.string().optional().describe('Why it failed'),
  fileName: z.string().optional(),
});

export const reportListSchema = z.object({ reports: z.array(reportViewSchema) });
