import { Injectable } from '@nestjs/common';
import { Database } from '@due-regard/platform';
import { REPORTS_SCHEMA as S } from './reports.migrations.js';

/**
 * Where generated report files are kept: a port, so that production can put them in an
 * S3-compatible store. The PostgreSQL adapter below is the default (it works embedded).
 */
export abstract class ReportFiles {
  /** Keeps the file; storing the same report again replaces it with the same bytes. */
  abstract save(council: string, reportId: string, bytes: Buffer): Promise<void>;
  /** The file, or null when there is none (never generated, or deleted after the retention). */
  abstract read(council: string, reportId: string): Promise<Buffer | null>;
  /** Deletes every file stored before the cutoff; answers how many. */
  abstract deleteStoredBefore(cutoff: Date): Promise<number>;
}

@Injectable()
export class PostgresReportFiles extends ReportFiles {
  constructor(private readonly database: Database) {
    super();
  }

  async save(council: string, reportId: string, bytes: Buffer): Promise<void> {
    await this.database.pool.query(
      `INSERT INTO ${S}.report_files (report_id, tenant_id, content, stored_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (report_id) DO UPDATE SET content = EXCLUDED.content, stored_at = now()
       WHERE ${S}.report_files.tenant_id = EXCLUDED.tenant_id`,
      [reportId, council, bytes],
    );
  }

  async read(council: string, reportId: string): Promise<Buffer | null> {
    const { rows } = await this.database.pool.query<{ content: Buffer }>(
      `SELECT content FROM ${S}.report_files WHERE report_id = $1 AND tenant_id = $2`,
      [reportId, council],
    );
    return rows[0]?.content ?? null;
  }

  async deleteStoredBefore(cutoff: Date): Promise<number> {
    const { rowCount } = await this.database.pool.query(`DELETE FROM ${S}.report_files WHERE stored_at < $1`, [cutoff]);
    return rowCount ?? 0;
  }
}
