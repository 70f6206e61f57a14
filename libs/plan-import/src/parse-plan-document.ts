import { createHash } from 'node:crypto';
import { withoutUnstorableCharacters } from '@due-regard/shared-kernel';

import { PlanImportError } from './errors.js';
import { buildPreview } from './interpret/build-preview.js';
import { DueReader } from './interpret/due.js';
import { PlanInterpreter } from './interpret/interpreter.js';
import { normaliseHeading } from './interpret/vocabulary.js';
import {
  COLUMN_ROLES,
  DEFAULT_LIMITS,
  type ColumnRole,
  type ImportLimits,
  type ParsePlanOptions,
  type PlanDocumentInput,
  type PlanPreview,
} from './preview.js';
import { readSource } from './sources/read-source.js';
import { readDocumentContext } from './understand/document-context.js';
import { understand, type Understanding } from './understand/understand.js';
import type { BuiltPlan } from './interpret/build-preview.js';

function mappingOf(columnMapping: ParsePlanOptions['columnMapping']): Map<string, ColumnRole> {
  const mapping = new Map<string, ColumnRole>();
  for (const [heading, role] of Object.entries(columnMapping ?? {})) {
    if (!(COLUMN_ROLES as readonly string[]).includes(role)) continue;
    const key = normaliseHeading(heading);
    if (key !== '') mapping.set(key, role);
  }
  return mapping;
}

/** The first interpreter (one pass over tab tables with numbered refs), kept while it reads some plans better. */
function legacyReading(
  document: Awaited<ReturnType<typeof readSource>>['document'],
  due: DueReader,
  mapping: Map<string, ColumnRole>,
): BuiltPlan | null {
  const interpretation = new PlanInterpreter(due, mapping).interpret(document.rows);
  if (interpretation.layouts.length === 0) return null;
  const built = buildPreview(interpretation, due);
  return built.actions.length === 0 ? null : built;
}

/**
 * How much a reading looks like a plan, per action: a title of a few words, a readable due, a lead,
 * an objective. A reading that made headings, summary rows or page debris into actions, or dropped
 * cells as stray text, scores less.
 */
function plausibility(plan: BuiltPlan): number {
  if (plan.actions.length === 0) return 0;
  const total = plan.actions.reduce(
    (score, action) =>
      score +
      (action.title.split(' ').length >= 3 ? 1 : -2) +
      (action.due.kind === 'unknown' ? 0 : 1) +
      (action.leads.length > 0 ? 1 : 0) +
      (action.objective === null ? 0 : 0.5),
    0,
  );
  // Text of the document a reading dropped as stray (an objective column it did not expect) is lost.
  const dropped = plan.warnings.filter((warning) => warning.message.startsWith('ignored stray text')).length;
  return (total - dropped) / plan.actions.length;
}

/** The understanding, unless the first interpreter reads the document as a more plausible plan. */
function moreLikely(understood: Understanding, legacy: BuiltPlan | null): BuiltPlan {
  if (legacy === null) return understood;
  return plausibility(legacy) >= plausibility(understood) ? legacy : understood;
}

/**
 * Reads a council's action plan (pasted text, DOCX, XLSX, ODS/ODT or CSV) into the import
 * preview: groups, objectives, actions and warnings, nothing appended anywhere. Bad input throws
 * a PlanImportError; nothing else is thrown for anything a file can contain.
 */
export async function parsePlanDocument(
  input: PlanDocumentInput,
  options: ParsePlanOptions = {},
): Promise<PlanPreview> {
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { document, mediaType } = await readSource(input, limits);
  const rowCount = document.rows.filter((row) => row.cells.some((cell) => cell.text.trim() !== '')).length;
  if (rowCount > limits.maxRows) {
    throw new PlanImportError(
      'FILE_TOO_LARGE',
      `The document has ${rowCount} rows with text, more than the ${limits.maxRows} an import reads.`,
    );
  }
  const context = readDocumentContext(document.rows.map((row) => row.cells.map((cell) => cell.text).join(' ')));
  const due = new DueReader(context.quarterConvention ?? options.quarterConvention, {
    ...(context.planYearOne === undefined ? {} : { planYearOne: context.planYearOne }),
    ...(context.yearless === undefined ? {} : { yearless: context.yearless }),
  });
  const mapping = mappingOf(options.columnMapping);
  const corrections = new Map(Object.entries(options.rowRoles ?? {}));
  const understood = understand(document, due, mapping, corrections);
  const built = corrections.size > 0 ? understood : moreLikely(understood, legacyReading(document, due, mapping));
  if (built.actions.length === 0) {
    throw new PlanImportError(
      'NO_TABLE',
      understood.reading === 'narrative'
        ? 'No action plan table found: no row of headings such as "Action", "Due date", "Lead" or "Success measure".'
        : 'The plan table has headings but no actions under them.',
    );
  }
  return {
    source: {
      fileName: withoutUnstorableCharacters(input.fileName),
      format: document.format,
      mediaType,
      byteLength: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
    },
    columns: built.columns,
    unmappedColumns: built.unmappedColumns,
    groups: built.groups,
    objectives: built.objectives,
    actions: built.actions,
    warnings: built.warnings.map((warning) => `${warning.at}: ${warning.message}`),
    warningDetails: built.warnings,
    rows: understood.rows,
    reading: built === understood ? understood.reading : 'first-interpreter',
  };
}
