import { matchHeading } from '../interpret/vocabulary.js';

/**
 * Text laid out in columns with spaces (`pdftotext -layout`, a PDF's text placed by position, a
 * fixed-width report): a line's pieces are the runs of text between gaps of two or more spaces,
 * each with the column it starts at.
 */
export type Piece = { readonly start: number; readonly text: string };

export function piecesOf(line: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /\S+(?: \S+)*/g;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    pieces.push({ start: match.index, text: match[0] });
  }
  return pieces;
}

/** A line reads as a header of a space-aligned table: three or more pieces, most of them headings. */
export function isSpaceAlignedHeader(line: string): boolean {
  const pieces = piecesOf(line);
  if (pieces.length < 3 || pieces.some((piece) => piece.text.length > 40)) return false;
  const roles = pieces.map((piece) => matchHeading(piece.text).role);
  const recognised = roles.filter((role) => role !== null);
  return (
    recognised.length * 10 >= pieces.length * 6 && roles.some((role) => role === 'action' || role === 'description')
  );
}

/**
 * The cells of a line under a header whose columns start at `starts`: a piece belongs to the last
 * column starting at or before it (with a little slack, as centred or wrapped text drifts).
 */
export function cellsAt(line: string, starts: readonly number[]): string[] {
  const cells = starts.map(() => '');
  for (const piece of piecesOf(line)) {
    let column = 0;
    for (const [index, start] of starts.entries()) if (piece.start + 2 >= start) column = index;
    cells[column] = cells[column] === '' ? piece.text : `${cells[column]} ${piece.text}`;
  }
  return cells;
}
