import type { Due, DueKind } from '@due-regard/plans';
import { type QuarterConvention } from '@due-regard/shared-kernel';

import type { OfficerRowRole } from './understand/roles.js';
import type { PreviewRow } from './understand/understand.js';

/** What a column of a council's table holds. `ignore` is only given by a user's column mapping. */
export const COLUMN_ROLES = [
  'ref',
  'group',
  'objective',
  'action',
  'description',
  'due',
  'measure',
  'lead',
  'progress',
  'status',
  'ignore',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const SOURCE_FORMATS = ['text', 'csv', 'docx', 'xlsx', 'ods', 'odt', 'pdf'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const PROGRESS_STATUSES = [
  'not_started',
  'in_progress',
  'completed',
  'ongoing',
  'deferred',
  'cancelled',
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export type ImportLimits = {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Most entries a DOCX/XLSX/ODS archive may list. */
  readonly maxZipEntries: number;
  /** Most bytes all entries of an archive may inflate to, added up. */
  readonly maxUncompressedBytes: number;
  /** Highest inflated/compressed ratio, for the archive and for any entry over 1 MiB. */
  readonly maxCompressionRatio: number;
  /** Most rows with any text a document may have (a plan has hundreds; this bounds the work). */
  readonly maxRows: number;
};

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxZipEntries: 2000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 50_000,
};

export type PlanDocumentInput = {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly mediaType?: string;
};

export type ParsePlanOptions = {
  /** How a bare "Q1 2024" reads; a council setting, calendar by default. */
  readonly quarterConvention?: QuarterConvention;
  /**
   * A user's own reading of column headings, by heading text (case, spacing and punctuation do
   * not matter): `{ "Milestone": "due", "Notes": "ignore" }`. It wins over the vocabulary.
   */
  readonly columnMapping?: Readonly<Record<string, ColumnRole>>;
  /**
   * An officer's reading of rows, by where they are ("line 12", "table 1 row 4"): which are groups,
   * objectives, actions, measures, continuations of the row above, or to ignore. Given any, the
   * preview is read from the row roles alone.
   */
  readonly rowRoles?: Readonly<Record<string, OfficerRowRole>>;
  readonly limits?: Partial<ImportLimits>;
};

// ---------------------------------------------------------------------------------------------
// The `--dry-run --json` document, exactly as the import issue specifies it.

export type PreviewJsonDue = { text: string | null; kind: DueKind; dates: string[] };
export type PreviewJsonProgress = { text: string; status: string | null };
export type PreviewJson = {
  groups: { ref: string | null; title: string }[];
  objectives: { ref: string | null; title: string; group: string | null; measures: string[] }[];
  actions: {
    ref: string | null;
    objective: string | null;
    title: string;
    description: string | null;
    due: PreviewJsonDue;
    measures: string[];
    leads: string[];
    progress: PreviewJsonProgress[];
  }[];
  warnings: string[];
};

// ---------------------------------------------------------------------------------------------
// The richer preview the commit needs. Every JSON field is here under the same name.

export type PreviewWarning = {
  /** Where in the document: "line 52", "table 2 row 7", "sheet 'Plan' row 12". */
  readonly at: string;
  readonly message: string;
};

export type PreviewColumn = {
  /** The heading as written ("" for a heading cell left empty, read as the reference column). */
  readonly header: string;
  readonly role: ColumnRole | null;
  readonly by: 'vocabulary' | 'mapping' | 'position' | null;
};

export type PreviewGroup = { readonly ref: string | null; readonly title: string; readonly at: string };

export type PreviewObjective = {
  readonly ref: string | null;
  readonly title: string;
  /** The group's ref, or its title when it has none. */
  readonly group: string | null;
  readonly measures: readonly string[];
  readonly at: string;
};

export type PreviewProgress = { readonly text: string; readonly status: ProgressStatus | null };

/** "Date revised to May 2018" in a progress narrative. */
export type DueRevision = {
  /** The sentence as written. */
  readonly note: string;
  /** The new due, read from the words after "revised to". */
  readonly due: Due;
};

export type PreviewAction = {
  readonly ref: string | null;
  /** The objective's ref, or its title when it has none. */
  readonly objective: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly due: Due;
  /** `column`: from the due column; `text`: found at the end of another cell ("… by March 2026"). */
  readonly dueSource: 'column' | 'text' | null;
  readonly dueRevisions: readonly DueRevision[];
  readonly measures: readonly string[];
  readonly leads: readonly string[];
  readonly progress: readonly PreviewProgress[];
  /** The status of the latest progress entry that has one. */
  readonly status: ProgressStatus | null;
  readonly at: string;
};

export type PlanPreview = {
  readonly source: {
    readonly fileName: string;
    readonly format: SourceFormat;
    readonly mediaType: string;
    readonly byteLength: number;
    /** Hex SHA-256 of the bytes, for the import events' metadata. */
    readonly sha256: string;
  };
  /** Every distinct heading of the plan's tables and what it was read as. */
  readonly columns: readonly PreviewColumn[];
  /** Headings read as nothing: a user may map them with `columnMapping`. */
  readonly unmappedColumns: readonly string[];
  readonly groups: readonly PreviewGroup[];
  readonly objectives: readonly PreviewObjective[];
  readonly actions: readonly PreviewAction[];
  readonly warnings: readonly string[];
  readonly warningDetails: readonly PreviewWarning[];
  /**
   * Every line of the document with the role it was read as (header, group, objective, action,
   * continuation, measure, ignore) and why: what the officer corrects with `rowRoles`.
   */
  readonly rows: readonly PreviewRow[];
  /**
   * `table` or `narrative`: the roles above were read into the plan; `first-interpreter`: the
   * earlier one-pass interpreter read this document more plausibly (its rows are still listed).
   */
  readonly reading: 'table' | 'narrative' | 'first-interpreter';
};

/** The `--dry-run --json` document: exactly the shape, keys in its order. */
export function toPreviewJson(preview: PlanPreview): PreviewJson {
  return {
    groups: preview.groups.map((group) => ({ ref: group.ref, title: group.title })),
    objectives: preview.objectives.map((objective) => ({
      ref: objective.ref,
      title: objective.title,
      group: objective.group,
      measures: [...objective.measures],
    })),
    actions: preview.actions.map((action) => ({
      ref: action.ref,
      objective: action.objective,
      title: action.title,
      description: action.description,
      due: { text: action.due.text, kind: action.due.kind, dates: [...action.due.dates] },
      measures: [...action.measures],
      leads: [...action.leads],
      progress: action.progress.map((entry) => ({ text: entry.text, status: entry.status })),
    })),
    warnings: [...preview.warnings],
  };
}
