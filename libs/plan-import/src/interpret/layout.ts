import type { ColumnRole, PreviewColumn } from '../preview.js';
import { flat } from './cell-text.js';
import { matchHeading, normaliseHeading } from './vocabulary.js';

export type LayoutColumn = {
  readonly index: number;
  readonly header: string;
  readonly role: ColumnRole | null;
  readonly by: PreviewColumn['by'];
  /** The column's place among the layout's columns of the same role (two measure columns: 0 and 1). */
  readonly ordinal: number;
};

export type Layout = {
  readonly columns: readonly LayoutColumn[];
  /** The headings, normalised: a header row repeated on the next page has the same key. */
  readonly key: string;
};

const SINGLE_ROLES: ReadonlySet<ColumnRole> = new Set([
  'ref',
  'group',
  'objective',
  'action',
  'description',
  'due',
  'status',
]);
const CONTENT_ROLES: ReadonlySet<ColumnRole> = new Set(['action', 'description']);

export function columnOf(layout: Layout, role: ColumnRole): LayoutColumn | undefined {
  return layout.columns.find((column) => column.role === role);
}

export function fieldKey(column: LayoutColumn): string {
  return `${column.role ?? `column ${column.index}`}#${column.ordinal}`;
}

/**
 * Reads a row as a header row: short cells, most of them headings of the vocabulary (or of the
 * user's mapping), at least two roles, one of them the action or its description.
 */
export function readHeader(texts: readonly string[], mapping: ReadonlyMap<string, ColumnRole>): Layout | null {
  const headings = texts.map((text) => flat(text));
  const nonEmpty = headings.filter((heading) => heading !== '');
  if (nonEmpty.length < 2) return null;
  if (nonEmpty.some((heading) => heading.length > 60 || heading.split(' ').length > 8)) return null;

  type Candidate = { index: number; header: string; role: ColumnRole | null; by: PreviewColumn['by']; score: number };
  const candidates: Candidate[] = headings.map((header, index) => {
    const mapped = mapping.get(normaliseHeading(header));
    if (header !== '' && mapped !== undefined) return { index, header, role: mapped, by: 'mapping', score: 10_000 };
    const match = matchHeading(header);
    return { index, header, role: match.role, by: match.role === null ? null : 'vocabulary', score: match.score };
  });
  const recognised = candidates.filter((candidate) => candidate.header !== '' && candidate.role !== null);
  const roles = new Set(recognised.map((candidate) => candidate.role));
  if (recognised.length < 2 || roles.size < 2 || recognised.length * 10 < nonEmpty.length * 6) return null;
  if (![...roles].some((role) => role !== null && CONTENT_ROLES.has(role))) return null;

  // One column per single-valued role: the best-scoring keeps it; a second "action" column is
  // read as the description, a second objective-like column (leftmost first) as the group.
  for (const role of SINGLE_ROLES) {
    const holders = candidates.filter((candidate) => candidate.role === role);
    if (holders.length < 2) continue;
    const best = holders.reduce((a, b) => (b.score > a.score ? b : a));
    for (const holder of holders) {
      if (holder === best) continue;
      if (role === 'action' && !candidates.some((candidate) => candidate.role === 'description')) {
        holder.role = 'description';
      } else if (role === 'objective' && !candidates.some((candidate) => candidate.role === 'group')) {
        const leftmost = holders.reduce((a, b) => (b.index < a.index ? b : a));
        leftmost.role = 'group';
        if (leftmost !== holder) holder.role = null;
      } else {
        holder.role = null;
        holder.by = null;
      }
    }
  }
  // A heading cell left empty before the first heading is the reference column (PDF copies lose it).
  if (!candidates.some((candidate) => candidate.role === 'ref')) {
    const first = candidates.findIndex((candidate) => candidate.header !== '');
    const before = candidates[first - 1];
    if (first > 0 && before !== undefined) {
      before.role = 'ref';
      before.by = 'position';
    }
  }
  let width = candidates.length;
  while (width > 0 && candidates[width - 1]?.header === '' && candidates[width - 1]?.role === null) width -= 1;
  const ordinals = new Map<string, number>();
  const columns = candidates.slice(0, width).map((candidate): LayoutColumn => {
    const name = candidate.role ?? `column ${candidate.index}`;
    const ordinal = ordinals.get(name) ?? 0;
    ordinals.set(name, ordinal + 1);
    return { index: candidate.index, header: candidate.header, role: candidate.role, by: candidate.by, ordinal };
  });
  return { columns, key: columns.map((column) => `${normaliseHeading(column.header)}=${column.role}`).join('|') };
}
