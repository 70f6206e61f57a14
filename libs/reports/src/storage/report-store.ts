import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RequestContext } from '@due-regard/identity';
import { Database } from '@due-regard/platform';
import type { ReportFormat, ReportRequest, ReportType } from '../domain/report.js';
import { migrateReports, REPORTS_SCHEMA as S } from './reports.migrations.js';

export const REPORT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Where a report stands: what the status route, the pages and the CLI show. */
export interface ReportRecord {
  readonly id: string;
  readonly type: ReportType;
  readonly format: ReportFormat;
  readonly planId: string | null;
  readonly year: number | null;
  readonly asOf: string;
  readonly since: string | null;
  /** The plan's title (progress) or the year's words (annual), once generated. */
  readonly subjectTitle: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly attempt: number;
  readonly status: ReportStatus;
  readonly progress: number;
  readonly error: string | null;
  readonly sha256: string | null;
  readonly fileName: string | null;
  readonly mediaType: string | null;
  readonly byteLength: number | null;
  readonly public: boolean;
  readonly generatedAt: string | null;
}

interface Row {
  report_id: string;
  type: ReportType;
  format: ReportFormat;
  plan_id: string | null;
  year: number | null;
  as_of: string;
  since: string | null;
  subject_title: string | null;
  requested_by: string;
  requested_at: Date;
  attempt: number;
  status: ReportStatus;
  progress: number;
  error: string | null;
  sha256: string | null;
  file_name: string | null;
  media_type: string | null;
  byte_length: number | null;
  public: boolean;
  generated_at: Date | null;
}

// Dates as ISO text, not JavaScript dates at midnight somewhere.
const COLUMNS = `report_id, type, format, plan_id, year, to_char(as_of, 'YYYY-MM-DD') AS as_of,
  to_char(since, 'YYYY-MM-DD') AS since, subject_title, requested_by, requested_at, attempt, status, progress, error,
  sha256, file_name, media_type, byte_length, public, generated_at`;

function recordOf(row: Row): ReportRecord {
  return {
    id: row.report_id,
    type: row.type,
    format: row.format,
    planId: row.plan_id,
    year: row.year,
    asOf: row.as_of,
    since: row.since,
    subjectTitle: row.subject_title,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    attempt: row.attempt,
    status: row.status,
    progress: row.progress,
    error: row.error,
    sha256: row.sha256,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteLength: row.byte_length,
    public: row.public,
    generatedAt: row.generated_at?.toISOString() ?? null,
  };
}

/**
 * Where each report of the council of the request context stands (table `reports.reports`,
 * created by a versioned migration at start-up). Written by the API when a report is asked for and
 * by the worker as it generates it.
 */
@Injectable()
export class ReportStore implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly context: RequestContext,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateReports(this.database.pool);
  }

  private council(): string {
    return this.context.councilSlug();
  }

  private async one(sql: string, values: readonly unknown[]): Promise<ReportRecord | null> {
    const { rows } = await this.database.pool.query<Row>(sql, [...values]);
    const [row] = rows;
    return row === undefined ? null : recordOf(row);
  }

  /**
   * Records the report as queued for this attempt; a report already known at this attempt (asked
   * again while it runs, or once ready) is left as it stands.
   */
  async queued(reportId: string, request: ReportRequest, attempt: number, requestedBy: string): Promise<ReportRecord> {
    const stored = await this.one(
      `INSERT INTO ${S}.reports (report_id, tenant_id, type, format, plan_id, year, as_of, since, requested_by,
         requested_at, attempt, status, progress, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, 'queued', 0, now())
       ON CONFLICT (report_id) DO UPDATE
         SET attempt = EXCLUDED.attempt, status = 'queued', progress = 0, error = NULL, updated_at = now()
         WHERE ${S}.reports.tenant_id = EXCLUDED.tenant_id AND ${S}.reports.attempt < EXCLUDED.attempt
       RETURNING ${COLUMNS}`,
      [
        reportId,
        this.council(),
        request.type,
        request.format,
        request.planId,
        request.year,
        request.asOf,
        request.since,
        requestedBy,
        attempt,
      ],
    );
    return stored ?? this.mustFind(reportId);
  }

  find(reportId: string): Promise<ReportRecord | null> {
    return this.one(`SELECT ${COLUMNS} FROM ${S}.reports WHERE report_id = $1 AND tenant_id = $2`, [
      reportId,
      this.council(),
    ]);
  }

  private async mustFind(reportId: string): Promise<ReportRecord> {
    const found = await this.find(reportId);
    if (found === null) throw new Error(`Report ${reportId} is not stored for ${this.council()}`);
    return found;
  }

  /** The council's reports, newest first. */
  async list(limit = 100): Promise<ReportRecord[]> {
    const { rows } = await this.database.pool.query<Row>(
      `SELECT ${COLUMNS} FROM ${S}.reports WHERE tenant_id = $1 ORDER BY requested_at DESC, report_id LIMIT $2`,
      [this.council(), limit],
    );
    return rows.map(recordOf);
  }

  /** The newest public report of a plan that is ready: what the public page offers. */
  latestPublic(planId: string): Promise<ReportRecord | null> {
    return this.one(
      `SELECT ${COLUMNS} FROM ${S}.reports
        WHERE tenant_id = $1 AND plan_id = $2 AND public AND status = 'ready'
        ORDER BY as_of DESC, generated_at DESC LIMIT 1`,
      [this.council(), planId],
    );
  }

  /** The job's progress, while the report is not yet ready or failed. */
  async progress(reportId: string, progress: number, subjectTitle?: string): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${S}.reports SET status = 'running', progress = $3, subject_title = COALESCE($4, subject_title), updated_at = now()
        WHERE report_id = $1 AND tenant_id = $2 AND status IN ('queued', 'running')`,
      [reportId, this.council(), progress, subjectTitle ?? null],
    );
  }

  async ready(
    reportId: string,
    file: {
      readonly sha256: string;
      readonly fileName: string;
      readonly mediaType: string;
      readonly byteLength: number;
      readonly public: boolean;
      readonly generatedAt: Date;
    },
  ): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${S}.reports SET status = 'ready', progress = 100, error = NULL, sha256 = $3, file_name = $4,
         media_type = $5, byte_length = $6, public = $7, generated_at = $8, updated_at = now()
        WHERE report_id = $1 AND tenant_id = $2`,
      [
        reportId,
        this.council(),
        file.sha256,
        file.fileName,
        file.mediaType,
        file.byteLength,
        file.public,
        file.generatedAt,
      ],
    );
  }

  async failed(reportId: string, error: string): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${S}.reports SET status = 'failed', progress = 100, error = $3, updated_at = now()
        WHERE report_id = $1 AND tenant_id = $2 AND status <> 'ready'`,
      [reportId, this.council(), error],
    );
  }
}
