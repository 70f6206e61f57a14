import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { uuidV7Ids } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import type { ImportOutcome, Period } from '@due-regard/plans';
import { withoutUnstorableCharacters, type QuarterConvention } from '@due-regard/shared-kernel';
import type { CommitResult } from '../commit/commit-types.js';
import { ImportCommitter } from '../commit/import-committer.js';
import {
  ImportStore,
  type ColumnMapping,
  type EarlierImport,
  type ImportRecord,
  type RowRoles,
} from './import-store.js';
import { ImportJobs } from './imports-queue.js';

/** There is no such import in this council. */
export class ImportNotFoundError extends Error {
  constructor() {
    super('There is no such import in this council');
  }
}

/** The import is not in a state that allows this (not read yet, being committed, committed, failed). */
export class ImportStateError extends Error {
  constructor(
    readonly status: 409 | 422,
    readonly code: string,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/** The `imports` queue did not take the job; the import is marked failed. */
export class ImportQueueError extends Error {}

/** An upload that passed refuseAtOnce, with how to read it. */
export interface UploadedPlanDocument {
  readonly fileName: string;
  readonly mediaType: string | null;
  readonly bytes: Uint8Array;
  /** How a bare "Q1 2024" reads; the council's setting when left out. */
  readonly quarterConvention?: QuarterConvention;
  readonly columnMapping: ColumnMapping;
}

/**
 * What committing an upload may ask for, over the API and on the import page: a draft, submitted
 * for approval, or published (the plans policy says who may choose which). A closed plan needs its
 * dates: the CLI's `--close`.
 */
export const UPLOAD_OUTCOMES = ['draft', 'submitted', 'published'] as const satisfies readonly ImportOutcome[];
export type UploadOutcome = (typeof UPLOAD_OUTCOMES)[number];

export interface ImportCommitRequest {
  readonly outcome: UploadOutcome;
  readonly strategyTitle?: string;
  readonly planTitle?: string;
  readonly planPeriod?: Period;
  readonly strategyPeriod?: Period;
}

const NOT_COMMITTABLE_NOW = 'This import cannot be committed now';

/**
 * The steps of an import that the JSON API and the web pages share: store an upload and queue its
 * reading, read it again with another column mapping, and commit it once through the committer.
 * Callers check the file (refuseAtOnce) and present the errors in their own way.
 */
@Injectable()
export class ImportWorkflow {
  constructor(
    private readonly store: ImportStore,
    private readonly jobs: ImportJobs,
    private readonly committer: ImportCommitter,
    private readonly context: RequestContext,
  ) {}

  async start(upload: UploadedPlanDocument): Promise<ImportRecord> {
    const record = await this.store.create({
      id: uuidV7Ids.next(),
      uploadedBy: this.context.principal().subject,
      // The file's name is the file's, not typed: what cannot be stored in it is dropped, as from its text.
      fileName: withoutUnstorableCharacters(upload.fileName).trim() || 'upload',
      mediaType: upload.mediaType,
      bytes: upload.bytes,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      ...(upload.quarterConvention === undefined ? {} : { quarterConvention: upload.quarterConvention }),
      columnMapping: upload.columnMapping,
    });
    await this.queue(record);
    return record;
  }

  /** This council's committed imports of the same file or a plan of the same title: a re-import warns of them. */
  earlierImports(record: ImportRecord): Promise<EarlierImport[]> {
    return this.store.earlierImports(record);
  }

  async found(id: string): Promise<ImportRecord> {
    const record = await this.store.find(id);
    if (record === null) throw new ImportNotFoundError();
    return record;
  }

  /**
   * A new reading with this mapping (and the officer's row roles, when given: they replace the
   * ones kept), queued; refused once a commit has taken the import.
   */
  async remap(
    id: string,
    columnMapping: ColumnMapping,
    quarterConvention: QuarterConvention | undefined,
    rowRoles?: RowRoles,
  ): Promise<ImportRecord> {
    const record = await this.store.remap(id, columnMapping, quarterConvention, rowRoles);
    if (record === null) {
      await this.found(id);
      throw new ImportStateError(
        409,
        'import_committed',
        NOT_COMMITTABLE_NOW,
        'This import has been committed: upload the document again to re-read it',
      );
    }
    await this.queue(record);
    return record;
  }

  /**
   * Records the preview once (the store's claim lets one commit through); a refusal before
   * anything was recorded leaves the import ready to commit again. Throws ImportCommitError and
   * ImportForbiddenError as the committer does.
   */
  async commit(id: string, request: ImportCommitRequest): Promise<CommitResult> {
    const principal = this.context.principal();
    const claimed = await this.store.claimForCommit(id, principal.subject);
    if (claimed === null) throw notCommittable(await this.found(id));
    if (claimed.preview === null) {
      await this.store.releaseCommit(id);
      throw new ImportStateError(409, 'import_not_ready', NOT_COMMITTABLE_NOW, 'The import has no preview yet');
    }
    try {
      const result = await this.committer.commit(claimed.preview, {
        council: claimed.council,
        document: { name: claimed.fileName, sha256: claimed.sha256 },
        principal,
        correlationId: this.context.correlationId(),
        importId: claimed.id,
        ...(claimed.defaults === null ? {} : { defaults: claimed.defaults }),
        ...(request.strategyTitle === undefined ? {} : { strategyTitle: request.strategyTitle }),
        ...(request.planTitle === undefined ? {} : { planTitle: request.planTitle }),
        ...(request.planPeriod === undefined ? {} : { planPeriod: request.planPeriod }),
        ...(request.strategyPeriod === undefined ? {} : { strategyPeriod: request.strategyPeriod }),
        lifecycle: request.outcome,
        // Recorded as the preview was read, whatever the council's setting is by now.
        quarterConvention: claimed.quarterConvention,
      });
      await this.store.markCommitted(id, result);
      return result;
    } catch (error) {
      // A commit is one atomic append: one that failed recorded nothing, and may be sent again.
      await this.store.releaseCommit(id);
      throw error;
    }
  }

  private async queue(record: ImportRecord): Promise<void> {
    try {
      await this.jobs.submit({
        tenant: record.council,
        importId: record.id,
        generation: record.generation,
        requestedBy: this.context.principal().subject,
        correlationId: this.context.correlationId(),
      });
    } catch (error) {
      await this.store.markFailed(record.id, record.generation, 'QUEUE_UNAVAILABLE', 'The import could not be queued');
      throw new ImportQueueError(
        `The import could not be queued: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function notCommittable(record: ImportRecord): ImportStateError {
  const conflict = (code: string, message: string) => new ImportStateError(409, code, NOT_COMMITTABLE_NOW, message);
  switch (record.status) {
    case 'committed':
      return conflict('import_committed', 'This import has been committed already');
    case 'committing':
    case 'ready':
      return conflict('import_committing', 'This import is being committed');
    case 'queued':
    case 'parsing':
      return conflict('import_not_ready', `The document is still being read (${record.status})`);
    case 'failed':
      if (record.commit !== null) {
        return conflict('import_committed', `A commit of this import stopped part-way: ${record.error?.message ?? ''}`);
      }
      return new ImportStateError(
        422,
        record.error?.code ?? 'failed',
        'The document could not be read',
        record.error?.message ?? 'The document could not be read',
      );
  }
}
