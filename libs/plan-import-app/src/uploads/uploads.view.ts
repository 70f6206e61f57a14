import { z } from 'zod';
import { COLUMN_ROLES, toPreviewJson, type PreviewColumn, type PreviewJson } from '@due-regard/plan-import';
import { ACTION_PLAN_STATUSES, DUE_KINDS, STRATEGY_STATUSES } from '@due-regard/plans';
import type { CommitResult, CreatedSoFar } from '../commit/commit-types.js';
import type { ImportDefaults } from '../commit/import-defaults.js';
import { IMPORT_STATUSES, type ImportRecord, type ImportStatus } from './import-store.js';
import { QUARTER_CONVENTIONS } from '@due-regard/shared-kernel';

// What the imports API answers: an import as it stands (`ImportView`, which the web's import pages
// show too), what its commit recorded, and its refusals; zod schemas for the OpenAPI document.

const date = z.string().describe('A calendar date, e.g. 2024-04-01');
const period = z.object({ from: date, to: date });

/** Exactly the `--dry-run --json` document of the import issue. */
export const previewJsonSchema = z
  .object({
    groups: z.array(z.object({ ref: z.string().nullable(), title: z.string() })),
    objectives: z.array(
      z.object({
        ref: z.string().nullable(),
        title: z.string(),
        group: z.string().nullable(),
        measures: z.array(z.string()),
      }),
    ),
    actions: z.array(
      z.object({
        ref: z.string().nullable(),
        objective: z.string().nullable().describe("The objective's ref, or its title when it has none"),
        title: z.string(),
        description: z.string().nullable(),
        due: z.object({ text: z.string().nullable(), kind: z.enum(DUE_KINDS), dates: z.array(date) }),
        measures: z.array(z.string()),
        leads: z.array(z.string()),
        progress: z.array(z.object({ text: z.string(), status: z.string().nullable() })),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .describe('The preview: what a commit would record');

const columnSchema = z.object({
  header: z.string().describe('The heading as written ("" for the unnamed reference column)'),
  role: z.enum(COLUMN_ROLES).nullable(),
  by: z.enum(['vocabulary', 'mapping', 'position']).nullable(),
});

export const defaultsSchema = z
  .object({
    strategyTitle: z.string(),
    strategyPeriod: period,
    planTitle: z.string(),
    planPeriod: period,
    periodSource: z.enum(['document', 'file-name', 'due-dates', 'today']),
  })
  .describe('Titles and periods a commit uses unless it says otherwise (years read as financial years)');

const countsShape = {
  objectives: z.int(),
  actions: z.int(),
  dueRevisions: z.int(),
  progressEntries: z.int(),
};

export const commitResultSchema = z.object({
  council: z.string(),
  document: z.object({ name: z.string(), sha256: z.string() }),
  correlationId: z.string().describe('Shared by every event the commit appended'),
  strategy: z.object({ id: z.uuid(), title: z.string(), period, status: z.enum(STRATEGY_STATUSES) }),
  plan: z.object({ id: z.uuid(), title: z.string(), period, status: z.enum(ACTION_PLAN_STATUSES) }),
  ...countsShape,
});

const createdSoFarSchema = z
  .object({
    strategyId: z.string().nullable(),
    strategyStatus: z.enum(STRATEGY_STATUSES).nullable(),
    planId: z.string().nullable(),
    planStatus: z.enum(ACTION_PLAN_STATUSES).nullable(),
    ...countsShape,
  })
  .describe('What a commit that stopped had recorded');

export const importViewSchema = z.object({
  id: z.uuid(),
  status: z
    .enum(IMPORT_STATUSES)
    .describe('queued, parsing, ready (preview to check), failed (error says why), committing, committed'),
  progress: z.int().min(0).max(100),
  document: z.object({
    fileName: z.string(),
    mediaType: z.string().nullable(),
    byteLength: z.int(),
    sha256: z.string(),
    format: z.string().nullable().describe('text, csv, docx, xlsx, ods, odt or pdf, once read'),
  }),
  quarterConvention: z.enum(QUARTER_CONVENTIONS),
  columnMapping: z.record(z.string(), z.enum(COLUMN_ROLES)).describe('The user mapping of headings to roles'),
  columns: z.array(columnSchema).nullable().describe('Every heading detected and what it was read as'),
  unmappedColumns: z.array(z.string()).nullable().describe('Headings read as nothing: map them with PATCH'),
  preview: previewJsonSchema.nullable(),
  warnings: z.array(z.string()),
  error: z
    .object({ code: z.string(), message: z.string().describe('One line') })
    .nullable()
    .describe('Why the document could not be read or committed'),
  defaults: defaultsSchema.nullable(),
  committed: commitResultSchema.nullable(),
  recordedBeforeFailure: createdSoFarSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  purgedAt: z
    .string()
    .nullable()
    .describe(
      'When the document and its preview were deleted after the retention (IMPORT_RETENTION_DAYS); a committed import keeps its file name, SHA-256 and commit',
    ),
});

export interface ImportView {
  readonly id: string;
  readonly status: ImportStatus;
  readonly progress: number;
  readonly document: {
    readonly fileName: string;
    readonly mediaType: string | null;
    readonly byteLength: number;
    readonly sha256: string;
    readonly format: string | null;
  };
  readonly quarterConvention: ImportRecord['quarterConvention'];
  readonly columnMapping: ImportRecord['columnMapping'];
  readonly columns: readonly PreviewColumn[] | null;
  readonly unmappedColumns: readonly string[] | null;
  readonly preview: PreviewJson | null;
  readonly warnings: readonly string[];
  readonly error: ImportRecord['error'];
  readonly defaults: ImportDefaults | null;
  readonly committed: CommitResult | null;
  readonly recordedBeforeFailure: CreatedSoFar | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly purgedAt: string | null;
}

/** How the imports API refuses: RFC 9457 problem details, with what a commit that stopped had recorded. */
export const importProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ in: z.string(), field: z.string(), pointer: z.string(), detail: z.string() })).optional(),
  recorded: z.looseObject({}).optional().describe('What a commit that stopped had recorded'),
});

function isCommitResult(commit: CommitResult | CreatedSoFar): commit is CommitResult {
  return 'plan' in commit;
}

export function viewOf(record: ImportRecord): ImportView {
  const { preview, commit } = record;
  return {
    id: record.id,
    status: record.status,
    progress: record.progress,
    document: {
      fileName: record.fileName,
      mediaType: preview?.source.mediaType ?? record.mediaType,
      byteLength: record.byteLength,
      sha256: record.sha256,
      format: preview?.source.format ?? null,
    },
    quarterConvention: record.quarterConvention,
    columnMapping: record.columnMapping,
    columns: preview?.columns ?? null,
    unmappedColumns: preview?.unmappedColumns ?? null,
    preview: preview === null ? null : toPreviewJson(preview),
    warnings: preview?.warnings ?? [],
    error: record.error,
    defaults: record.defaults,
    committed: commit !== null && isCommitResult(commit) ? commit : null,
    recordedBeforeFailure: commit !== null && !isCommitResult(commit) ? commit : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    purgedAt: record.purgedAt,
  };
}
