import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, Database } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { IMPORTS_SCHEMA as S } from './imports.migrations.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeReport {
  /** Uploads not touched since this instant were purged. */
  readonly cutoff: string;
  /** Uploads never committed: deleted with their previews. */
  readonly deleted: number;
  /** Committed uploads: bytes and preview deleted, the audit's metadata kept. */
  readonly stripped: number;
}

/**
 * Uploaded plan documents are kept `IMPORT_RETENTION_DAYS` (30 by default) after they were last
 * touched (uploaded, re-read, committed). After that, for every council:
 *
 * - an upload never committed (ready, failed, abandoned) is deleted with its preview;
 * - a committed one (or a commit that stopped part-way, whose events stand) loses its bytes, its
 *   preview and the defaults read from it, and keeps what the audit needs: file name, size, media
 *   type, SHA-256 (also in every event's metadata), who uploaded and committed it, when, and what
 *   the commit created.
 *
 * An upload being committed right now is left alone. Running it twice purges nothing more.
 */
@Injectable()
export class ImportRetention {
  constructor(
    private readonly database: Database,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get retentionDays(): number {
    return this.config.imports.retentionDays;
  }

  /** The instant before which an upload left untouched is purged. */
  cutoff(): Date {
    return new Date(this.clock.now().getTime() - this.retentionDays * DAY_MS);
  }

  async purge(cutoff: Date = this.cutoff()): Promise<PurgeReport> {
    const client = await this.database.pool.connect();
    try {
      await client.query('BEGIN');
      const deleted = await client.query(
        `DELETE FROM ${S}.imports
          WHERE updated_at < $1 AND purged_at IS NULL AND commit_result IS NULL AND status <> 'committing'`,
        [cutoff],
      );
      const stripped = await client.query(
        `UPDATE ${S}.imports SET content = NULL, preview = NULL, defaults = NULL, purged_at = $2
          WHERE updated_at < $1 AND purged_at IS NULL AND commit_result IS NOT NULL AND status <> 'committing'`,
        [cutoff, this.clock.now()],
      );
      await client.query('COMMIT');
      return { cutoff: cutoff.toISOString(), deleted: deleted.rowCount ?? 0, stripped: stripped.rowCount ?? 0 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
