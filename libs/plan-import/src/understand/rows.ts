import { cleanCell, isBulletOnly } from '../interpret/cell-text.js';
import { readHeader, type Layout } from '../interpret/layout.js';
import type { ColumnRole } from '../preview.js';
import type { SourceDocument } from '../sources/rows.js';
import { cellsAt, isSpaceAlignedHeader, piecesOf } from './space-aligned.js';

/**
 * Reading, the first half of understanding: any source becomes lines of cells placed under the
 * columns of the table's header, whatever the source did to them: a cell whose Word line breaks
 * split the row over several text lines is put back together, and text laid out with spaces is
 * cut at the header's column positions. Nothing here decides what a row means.
 */
export type GridRow = {
  /** Position in the document's rows, for the officer's corrections and warnings. */
  readonly index: number;
  readonly at: string;
  /** Cleaned cells (markup read, bullets as "• "), one per header column inside a table. */
  readonly cells: readonly string[];
  /** The text as written, for the preview's list of lines. */
  readonly text: string;
  /** The layout the row sits under; null before the first header (or in a document without one). */
  readonly layout: Layout | null;
  /** The row repeats the header (a new page) or is the header. */
  readonly isHeader: boolean;
  /** A blank line came just before the row. */
  readonly afterBlank: boolean;
  /** The line began with spaces (an indented continuation of a narrative bullet). */
  readonly indented: boolean;
  /** A garbled bullet (U+F0B7, mojibake "ï‚§") was read as "•". */
  readonly repairedBullets: boolean;
};

/** Characters a PDF or a Symbol font leaves for a bullet: the private-use U+F0B7, mojibake "ï‚§". */
function withBullets(text: string): string {
  return text
    .replace(/\u00ef\u201a[\u00a7\u00b7]/g, '•')
    .replace(/[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]/g, '•')
    .replace(/\f/g, '');
}

type RawRow = {
  readonly at: string;
  readonly cells: string[];
  readonly index: number;
  afterBlank: boolean;
  readonly repairedBullets: boolean;
};

function rawRows(document: SourceDocument): RawRow[] {
  const rows: RawRow[] = [];
  let blank = true;
  document.rows.forEach((row, index) => {
    const cells = row.cells.map((cell) => withBullets(cell.text));
    if (cells.every((cell) => cell.trim() === '')) {
      blank = true;
      return;
    }
    const repairedBullets = cells.some((cell, column) => cell !== (row.cells[column]?.text ?? '').replace(/\f/g, ''));
    rows.push({ at: row.at, cells, index, afterBlank: blank, repairedBullets });
    blank = false;
  });
  return rows;
}

function headerOf(cells: readonly string[], mapping: ReadonlyMap<string, ColumnRole>): Layout | null {
  if (cells.filter((cell) => cell.trim() !== '').length < 2) return null;
  return readHeader(
    cells.map((cell) => cleanCell(cell)),
    mapping,
  );
}

/**
 * The rows of a document, placed under its headers. A space-aligned header (one text line with
 * gaps) gives the column positions its following lines are cut at.
 */
export function readGrid(document: SourceDocument, mapping: ReadonlyMap<string, ColumnRole>): GridRow[] {
  const grid: GridRow[] = [];
  let layout: Layout | null = null;
  let starts: number[] | null = null;
  let open: { cells: string[]; row: RawRow } | null = null;
  const width = (): number => layout?.columns.length ?? 0;

  const push = (row: RawRow, cells: readonly string[], isHeader: boolean, raw: string): void => {
    const cleaned = cells.map((cell) => cleanCell(cell));
    grid.push({
      index: row.index,
      at: row.at,
      cells: cleaned,
      text: raw.replace(/\t/g, ' | ').replace(/\s+/g, ' ').trim(),
      layout,
      isHeader,
      afterBlank: row.afterBlank,
      indented: /^[ \t]+\S/.test(row.cells[0] ?? '') && (row.cells[0] ?? '').trim() !== '',
      repairedBullets: row.repairedBullets,
    });
  };
  const flush = (): void => {
    if (open === null) return;
    push(open.row, open.cells, false, open.cells.join('\t'));
    open = null;
  };

  for (const row of rawRows(document)) {
    const single = row.cells.filter((cell) => cell.trim() !== '').length <= 1 && row.cells.length <= 2;
    const line = row.cells.join('  ');
    // A header: the table's columns (tab or spreadsheet cells), or positions in a space-aligned line.
    const header = headerOf(row.cells, mapping);
    if (header !== null) {
      flush();
      layout = header;
      starts = null;
      push(row, row.cells, true, row.cells.join('\t'));
      continue;
    }
    if (single && (document.format === 'text' || document.format === 'pdf') && isSpaceAlignedHeader(line)) {
      flush();
      const found = piecesOf(line);
      // A header indented past its first column has an empty first heading: the ref column.
      const pieces = (found[0]?.start ?? 0) > 4 ? [{ start: 0, text: '' }, ...found] : found;
      const spaced = headerOf(
        pieces.map((piece) => piece.text),
        mapping,
      );
      if (spaced !== null) {
        layout = spaced;
        starts = pieces.map((piece) => piece.start);
        push(
          row,
          pieces.map((piece) => piece.text),
          true,
          line,
        );
        continue;
      }
    }
    if (starts !== null && single) {
      push(row, cellsAt(row.cells[0] ?? '', starts), false, line.trim());
      continue;
    }
    // Word line breaks inside a cell of a pasted table: a row with fewer cells than the header
    // continues in the next line(s), the first piece of each going on with the last open cell.
    if (open !== null && !row.afterBlank) {
      const current: { cells: string[]; row: RawRow } = open;
      if (current.cells.length + row.cells.length - 1 <= width()) {
        const [first = '', ...rest] = row.cells;
        const lastIndex = current.cells.length - 1;
        current.cells[lastIndex] = `${current.cells[lastIndex] ?? ''}\n${first}`;
        current.cells.push(...rest);
        if (current.cells.length >= width()) flush();
        continue;
      }
    }
    flush();
    const nonEmpty = row.cells.filter((cell) => cell.trim() !== '').length;
    if (
      document.format === 'text' &&
      layout !== null &&
      row.cells.length >= 2 &&
      row.cells.length < width() &&
      nonEmpty > 1
    ) {
      open = { cells: [...row.cells], row };
      continue;
    }
    push(row, row.cells, false, row.cells.join('\t'));
  }
  flush();
  return grid;
}

/** A row with nothing but bullet characters or a scrap of debris. */
export function isBulletDebris(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => isBulletOnly(cell) || /^[•\W_]{1,3}$/u.test(cell));
}
