import { DEFAULT_LIMITS, type PlanDocumentInput, type PlanPreview } from '@due-regard/plan-import';
import type { CalendarDate } from '@due-regard/plans';
// The importer's own reader: the same rows the preview was read from, headings and paragraphs
// around the tables included. `@due-regard/plan-import` does not export it (yet); it is the one
// place this library reaches inside another.
import { readSource } from '@due-regard/plan-import';
import { inferImportDefaults, type ImportDefaults } from './import-defaults.js';

/** How many rows of a document the titles and periods are looked for in. */
const MAX_LINES = 2000;

/**
 * The document as lines of text, a line per row (cells joined by spaces), for reading its title
 * and years. Empty for anything the importer cannot read (the parse reports why).
 */
export async function documentLines(input: PlanDocumentInput): Promise<string[]> {
  try {
    const { document } = await readSource(input, DEFAULT_LIMITS);
    return document.rows
      .slice(0, MAX_LINES)
      .map((row) =>
        row.cells
          .map((cell) => cell.text.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join(' '),
      )
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}

/** The titles and periods a commit of this document uses when its caller does not say. */
export async function importDefaultsFor(
  input: PlanDocumentInput,
  preview: PlanPreview,
  today: CalendarDate,
): Promise<ImportDefaults> {
  return inferImportDefaults({
    lines: await documentLines(input),
    fileName: input.fileName,
    dueDates: preview.actions.flatMap((action) => action.due.dates),
    today,
  });
}
