import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RequestContext } from '@due-regard/identity';
import type { ColumnRole, OfficerRowRole, PlanPreview } from '@due-regard/plan-import';
import { CouncilDueSettings } from '@due-regard/plans';
import { Database } from '@due-regard/platform';
import type { CommitResult, CreatedSoFar } from '../commit/commit-types.js';
import type { ImportDefaults } from '../commit/import-defaults.js';
import { IMPORTS_SCHEMA as S, migrateImports } from './imports.migrations.js';
import { type QuarterConvention } from '@due-regard/shared-kernel';

export const IMPORT_STATUSES = ['queued', 'parsing', 'ready', 'failed', 'committing', 'committed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ColumnMapping = Readonly<Record<string, ColumnRole>>;
/** An officer's reading of rows, by where they are in the document: `{"line 12": "objective"}`. */
export type RowRoles = Readonly<Record<string, OfficerRowRole>>;

/** An upload and where it stands; the document's bytes stay in the table. */
export interface ImportRecord {
  readonly id: string;
  readonly council: string;
  readonly uploadedBy: string;
  readonly fileName: string;
  readonly mediaType: string | null;
  readonly byteLength: number;
  readonly sha256: string;
  readonly quarterConvention: QuarterConvention;
  readonly columnMapping: ColumnMapping;
  readonly rowRoles: RowRoles;
  readonly generation: number;
  readonly status: ImportStatus;
  readonly progress: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly preview: PlanPreview | null;
  readonly defaults: ImportDefaults | null;
  /** A commit's result; what it had recorded when it stopped (failed); null before a commit. */
  readonly commit: CommitResult | CreatedSoFar | null;
  readonly committedBy: string | null;
  readonly committedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * When the retention purge deleted the document's bytes and preview (`IMPORT_RETENTION_DAYS`);
   * only committed imports are kept after it, with the metadata the audit needs. Null before.
   */
  readonly purgedAt: string | null;
}

/** An upload in a list of them: no bytes, no preview. */
export interface ImportSummary {
  readonly id: string;
  readonly fileName: string;
  readonly uploadedBy: string;
  readonly status: ImportStatus;
  readonly createdAt: string;
  /** The plan a commit recorded. */
  readonly planId: string | null;
}

/** A committed import this council made before, of the same file or of a plan with the same title. */
export interface EarlierImport {
  readonly id: string;
  readonly fileName: string;
  readonly planTitle: string | null;
  readonly committedAt: string;
  /** `file`: the same bytes (SHA-256); `title`: a plan of the same title. */
  readonly same: 'file' | 'title';
}

/** What the `imports` job reads to parse an upload. */
export interface StoredDocument {
  readonly fileName: string;
  readonly mediaType: string | null;
  readonly bytes: Uint8Array;
  readonly quarterConvention: QuarterConvention;
  readonly columnMapping: ColumnMapping;
  readonly rowRoles: RowRoles;
  readonly generation: number;
}

export interface NewUpload {
  readonly id: string;
  readonly uploadedBy: string;
  readonly fileName: string;
  readonly mediaType: string | null;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  /** How the job reads a bare quarter; the council's setting (`PATCH /api/v1/council/settings`) when left out. */
  readonly quarterConvention?: QuarterConvention;
  readonly columnMapping: ColumnMapping;
}

interface Row {
  import_id: string;
  tenant_id: string;
  uploaded_by: string;
  file_name: string;
  media_type: string | null;
  byte_length: number;
  sha256: string;
  quarter_convention: QuarterConvention;
  column_mapping: ColumnMapping;
  row_roles: RowRoles;
  generation: number;
  status: ImportStatus;
  progress: number;
  error_code: string | null;
  error_message: string | null;
  preview: unknown;
  defaults: unknown;
  commit_result: unknown;
  committed_by: string | null;
  committed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  purged_at: Date | null;
}

const COLUMNS = `import_id, tenant_id, uploaded_by, file_name, media_type, byte_length, sha256, quarter_convention,
  column_mapping, row_roles, generation, status, progress, error_code, error_message, preview, defaults, commit_result,
  committed_by, committed_at, created_at, updated_at, purged_at`;

function recordOf(row: Row): ImportRecord {
  return {
    id: row.import_id,
    council: row.tenant_id,
    uploadedBy: row.uploaded_by,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteLength: row.byte_length,
    sha256: row.sha256,
    quarterConvention: row.quarter_convention,
    columnMapping: row.column_mapping,
    rowRoles: row.row_roles,
    generation: row.generation,
    status: row.status,
    progress: row.progress,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? row.error_code },
    // Written by this store from the importer's own output (jsonb keeps it as it was).
    preview: (row.preview ?? null) as PlanPreview | null,
    defaults: (row.defaults ?? null) as ImportDefaults | null,
    commit: (row.commit_result ?? null) as CommitResult | CreatedSoFar | null,
    committedBy: row.committed_by,
    committedAt: row.committed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    purgedAt: row.purged_at?.toISOString() ?? null,
  };
}

/**
 * Uploaded plan documents (table `plan_imports.imports`, created by a versioned migration at
 * start-up): the bytes, the preview the `imports` job read from them, and the commit. Every read
 * and write is for the council of the request context only.
 */
@Injectable()
export class ImportStore implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly context: RequestContext,
    private readonly settings: CouncilDueSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateImports(this.database.pool);
  }

  private council(): string {
    return this.context.councilSlug();
  }

  private async one(sql: string, values: readonly unknown[]): Promise<ImportRecord | null> {
    const { rows } = await this.database.pool.query<Row>(sql, [...values]);
    const [row] = rows;
    return row === undefined ? null : recordOf(row);
  }

  /** Stores an upload, queued. The quarter convention is the upload's, or else the council's setting now. */
  async create(upload: NewUpload): Promise<ImportRecord> {
    const quarterConvention = upload.quarterConvention ?? (await this.settings.quarterConvention(this.council()));
    const created = await this.one(
      `INSERT INTO ${S}.imports (import_id, tenant_id, uploaded_by, file_name, media_type, byte_length, sha256, content,
         quarter_convention, column_mapping, status, progress, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'queued', 0, now(), now())
       RETURNING ${COLUMNS}`,
      [
        upload.id,
        this.council(),
        upload.uploadedBy,
        upload.fileName,
        upload.mediaType,
        upload.bytes.length,
        upload.sha256,
        Buffer.from(upload.bytes),
        quarterConvention,
        JSON.stringify(upload.columnMapping),
      ],
    );
    if (created === null) throw new Error(`Import ${upload.id} was not stored`);
    return created;
  }

  find(id: string): Promise<ImportRecord | null> {
    return this.one(`SELECT ${COLUMNS} FROM ${S}.imports WHERE import_id = $1 AND tenant_id = $2`, [
      id,
      this.council(),
    ]);
  }

  /** This council's latest uploads, newest first. */
  async recent(limit: number): Promise<ImportSummary[]> {
    const { rows } = await this.database.pool.query<{
      import_id: string;
      file_name: string;
      uploaded_by: string;
      status: ImportStatus;
      created_at: Date;
      plan_id: string | null;
    }>(
      `SELECT import_id, file_name, uploaded_by, status, created_at, commit_result->'plan'->>'id' AS plan_id
         FROM ${S}.imports WHERE tenant_id = $1 ORDER BY created_at DESC, import_id DESC LIMIT $2`,
      [this.council(), limit],
    );
    return rows.map((row) => ({
      id: row.import_id,
      fileName: row.file_name,
      uploadedBy: row.uploaded_by,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      planId: row.status === 'committed' ? row.plan_id : null,
    }));
  }

  async document(id: string): Promise<StoredDocument | null> {
    const { rows } = await this.database.pool.query<{
      file_name: string;
      media_type: string | null;
      content: Buffer | null;
      quarter_convention: QuarterConvention;
      column_mapping: ColumnMapping;
      row_roles: RowRoles;
      generation: number;
    }>(
      `SELECT file_name, media_type, content, quarter_convention, column_mapping, row_roles, generation
         FROM ${S}.imports WHERE import_id = $1 AND tenant_id = $2`,
      [id, this.council()],
    );
    const [row] = rows;
    // Purged after the retention: nothing left to read.
    if (row === undefined || row.content === null) return null;
    return {
      fileName: row.file_name,
      mediaType: row.media_type,
      bytes: new Uint8Array(row.content),
      quarterConvention: row.quarter_convention,
      columnMapping: row.column_mapping,
      rowRoles: row.row_roles,
      generation: row.generation,
    };
  }

  /** The job has started on this generation (false: it is no longer the current one). */
  async markParsing(id: string, generation: number, progress: number): Promise<boolean> {
    const updated = await this.one(
      `UPDATE ${S}.imports SET status = 'parsing', progress = $4, updated_at = now()
        WHERE import_id = $1 AND tenant_id = $2 AND generation = $3 AND status IN ('queued', 'parsing')
        RETURNING ${COLUMNS}`,
      [id, this.council(), generation, progress],
    );
    return updated !== null;
  }

  async markReady(id: string, generation: number, preview: PlanPreview, defaults: ImportDefaults): Promise<boolean> {
    const updated = await this.one(
      `UPDATE ${S}.imports
          SET status = 'ready', progress = 100, preview = $4, defaults = $5, error_code = NULL, error_message = NULL,
              updated_at = now()
        WHERE import_id = $1 AND tenant_id = $2 AND generation = $3 AND status IN ('queued', 'parsing')
        RETURNING ${COLUMNS}`,
      [id, this.council(), generation, JSON.stringify(preview), JSON.stringify(defaults)],
    );
    return updated !== null;
  }

  async markFailed(id: string, generation: number, code: string, message: string): Promise<boolean> {
    const updated = await this.one(
      `UPDATE ${S}.imports
          SET status = 'failed', progress = 100, preview = NULL, defaults = NULL, error_code = $4, error_message = $5,
              updated_at = now()
        WHERE import_id = $1 AND tenant_id = $2 AND generation = $3 AND status IN ('queued', 'parsing')
        RETURNING ${COLUMNS}`,
      [id, this.council(), generation, code, message],
    );
    return updated !== null;
  }

  /**
   * A new reading of the same document (another column mapping, another quarter convention): a new
   * generation, queued again. Null when there is no such import, or a commit has taken it (even one
   * that stopped half-way: what it recorded stands).
   */
  remap(
    id: string,
    columnMapping: ColumnMapping,
    quarterConvention: QuarterConvention | undefined,
    rowRoles?: RowRoles,
  ): Promise<ImportRecord | null> {
    return this.one(
      `UPDATE ${S}.imports
          SET column_mapping = $3, quarter_convention = coalesce($4, quarter_convention),
              row_roles = coalesce($5::jsonb, row_roles), generation = generation + 1,
              status = 'queued', progress = 0, preview = NULL, defaults = NULL, error_code = NULL,
              error_message = NULL, updated_at = now()
        WHERE import_id = $1 AND tenant_id = $2 AND status NOT IN ('committing', 'committed')
          AND commit_result IS NULL
        RETURNING ${COLUMNS}`,
      [
        id,
        this.council(),
        JSON.stringify(columnMapping),
        quarterConvention ?? null,
        rowRoles === undefined ? null : JSON.stringify(rowRoles),
      ],
    );
  }

  /**
   * This council's committed imports of the same file (SHA-256) or of a plan titled the same (case
   * and spacing aside), oldest first: what a re-import warns of before its commit.
   */
  async earlierImports(record: ImportRecord): Promise<EarlierImport[]> {
    const title = record.defaults?.planTitle ?? null;
    const { rows } = await this.database.pool.query<{
      import_id: string;
      file_name: string;
      plan_title: string | null;
      committed_at: Date;
      same_file: boolean;
    }>(
      `SELECT import_id, file_name, commit_result->'plan'->>'title' AS plan_title, committed_at, sha256 = $3 AS same_file
         FROM ${S}.imports
        WHERE tenant_id = $1 AND import_id <> $2 AND status = 'committed' AND committed_at IS NOT NULL
          AND (sha256 = $3 OR ($4::text IS NOT NULL AND
               lower(regexp_replace(commit_result->'plan'->>'title', '[[:space:]]+', ' ', 'g')) =
               lower(regexp_replace($4::text, '[[:space:]]+', ' ', 'g'))))
        ORDER BY committed_at`,
      [this.council(), record.id, record.sha256, title],
    );
    return rows.map((row) => ({
      id: row.import_id,
      fileName: row.file_name,
      planTitle: row.plan_title,
      committedAt: row.committed_at.toISOString(),
      same: row.same_file ? 'file' : 'title',
    }));
  }

  /** Takes a ready import for its one commit; null when it is not ready (or not this council's). */
  claimForCommit(id: string, committedBy: string): Promise<ImportRecord | null> {
    return this.one(
      `UPDATE ${S}.imports SET status = 'committing', committed_by = $3, updated_at = now()
        WHERE import_id = $1 AND tenant_id = $2 AND status = 'ready'
        RETURNING ${COLUMNS}`,
      [id, this.council(), committedBy],
    );
  }

  async markCommitted(id: string, result: CommitResult): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${S}.imports SET status = 'committed', commit_result = $3, committed_at = now(), updated_at = now()
        WHERE import_id = $1 AND tenant_id = $2 AND status = 'committing'`,
      [id, this.council(), JSON.stringify(result)],
    );
  }

  /** A commit refused before it recorded anything: the import is ready to commit again. */
  async releaseCommit(id: string): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${S}.imports SET status = 'ready', committed_by = NULL, updated_at = now()
        WHERE import_id = $1 AND tenant_id = $2 AND status = 'committing'`,
      [id, this.council()],
    );
  }
}
