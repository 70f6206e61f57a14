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

function mappingOf(columnMapping: ParsePlanOptions['columnMapping']): Map<string, ColumnRole> {
  const mapping = new Map<string, ColumnRole>();
  for (const [heading, role] of Object.entries(columnMapping ?? {})) {
    if (!(COLUMN_ROLES as readonly string[]).includes(role)) continue;
    const key = normaliseHeading(heading);
    if (key !== '') mapping.set(key, role);
  }
  return mapping;
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
  const due = new DueReader(options.quarterConvention);
  const interpretation = new PlanInterpreter(due, mappingOf(options.columnMapping)).interpret(document.rows);
  if (interpretation.layouts.length === 0) {
    throw new PlanImportError(
      'NO_TABLE',
      'No action plan table found: no row of headings such as "Action", "Due date", "Lead" or "Success measure".',
    );
  }
  const built = buildPreview(interpretation, due);
  if (built.actions.length === 0) {
    throw new PlanImportError('NO_TABLE', 'The plan table has headings but no actions under them.');
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
  };
}
