import type { SourceFormat } from '../preview.js';

/**
 * Every source is reduced to rows of cells. A cell's text keeps its inner structure in a plain
 * form: lines separated by "\n", and a list item starting with "• " (from Word numbering, an
 * ODF list, or a bullet character); markup a council typed into a cell (HTML tags) is left for
 * the interpreter to read.
 */
export type SourceCell = {
  readonly text: string;
  /** The cell is the lower part of a cell merged vertically with the one above (Word, Excel, ODF). */
  readonly mergedWithAbove?: boolean;
};

export type SourceRow = {
  readonly cells: readonly SourceCell[];
  /** Where the row is, for warnings: "line 12", "table 2 row 3", "sheet 'Plan' row 4". */
  readonly at: string;
};

export type SourceDocument = {
  readonly format: SourceFormat;
  readonly rows: readonly SourceRow[];
};

export function cellsOf(texts: readonly string[]): SourceCell[] {
  return texts.map((text) => ({ text }));
}
