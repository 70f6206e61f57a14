import { flat, startsLowercase } from '../interpret/cell-text.js';
import type { DueReader } from '../interpret/due.js';
import { isPageNumber } from '../interpret/refs.js';
import type { ColumnRole } from '../preview.js';
import { isActionRef, outlineDepth, readLabel, type Label } from './labels.js';
import { isBulletDebris, type GridRow } from './rows.js';

/**
 * What a row of a plan is. `header` and `ignore` rows add nothing; `continuation` rows go on with
 * the row above (a wrapped cell); `measure` rows (narratives only) are measures of the objective.
 */
export const ROW_ROLES = ['header', 'group', 'objective', 'action', 'continuation', 'measure', 'ignore'] as const;
export type RowRole = (typeof ROW_ROLES)[number];
/** The roles an officer can give a row on the preview page. */
export const OFFICER_ROW_ROLES = ['group', 'objective', 'action', 'continuation', 'measure', 'ignore'] as const;
export type OfficerRowRole = (typeof OFFICER_ROW_ROLES)[number];

export type RoledRow = {
  readonly row: GridRow;
  readonly role: RowRole;
  /** Why: the features that won ("labelled "Objective 2"", "no ref in a table with refs"). */
  readonly why: string;
  readonly by: 'features' | 'officer';
};

const PAGE_FURNITURE = [
  /\bpage\s+\d{1,3}(?:\s+of\s+\d{1,3})?\b/i,
  /^[-–—]\s*\d{1,3}\s*[-–—]$/,
  /^(?:official|official[- ]sensitive|restricted|not protectively marked|unclassified|confidential)$/i,
  /^printed\b/i,
];

/** Page numbers, running footers, protective markings, a line of bullet debris. */
export function isNoise(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => flat(cell)).filter((cell) => cell !== '');
  if (filled.length === 0) return true;
  if (isBulletDebris(cells)) return true;
  if (filled.length === 1 && isPageNumber(filled[0] ?? '')) return true;
  return filled.some((cell) => PAGE_FURNITURE.some((pattern) => pattern.test(cell)));
}

export function cellOf(row: GridRow, role: ColumnRole): string {
  const column = row.layout?.columns.find((candidate) => candidate.role === role);
  return column === undefined ? '' : flat(row.cells[column.index] ?? '');
}

/** The cell a row's label or ref is in: the ref column, else the first filled cell. */
export function labelCell(row: GridRow): string {
  const ref = cellOf(row, 'ref');
  if (ref !== '') return ref;
  return flat(row.cells.find((cell) => cell.trim() !== '') ?? '');
}

export function labelOf(row: GridRow): Label | null {
  return readLabel(labelCell(row));
}

function filledCount(row: GridRow): number {
  return row.cells.filter((cell) => cell.trim() !== '').length;
}

/** A row with one short cell and no sentence in it: a heading, if rows of actions follow it. */
function isHeadingLike(row: GridRow): boolean {
  const text = flat(row.cells.find((cell) => cell.trim() !== '') ?? '');
  return filledCount(row) === 1 && text.split(' ').length <= 14 && !/[.;]$/.test(text) && text.length >= 3;
}

/** Facts about a whole table that its rows are read against. */
type TableFacts = {
  /** Most action rows carry a ref: a row without one continues the row above. */
  readonly usesRefs: boolean;
  /** The deepest level of numeric outline refs (1 / 1.1 / 1.1.1), when the table has several. */
  readonly outlineDepth: number | null;
};

function tableFacts(rows: readonly GridRow[]): TableFacts {
  let withAction = 0;
  let withRef = 0;
  const depths = new Set<number>();
  for (const row of rows) {
    if (row.layout === null || row.isHeader) continue;
    const ref = cellOf(row, 'ref');
    const depth = outlineDepth(ref);
    if (depth !== null) depths.add(depth);
    if (cellOf(row, 'action') === '' || labelOf(row)?.level === 'group' || labelOf(row)?.level === 'objective')
      continue;
    withAction += 1;
    if (ref !== '') withRef += 1;
  }
  return {
    // Wrapped lines also fill the action cell, so a quarter of such rows with refs is enough.
    usesRefs: withRef >= 2 && withRef * 4 >= withAction,
    outlineDepth: depths.size >= 2 ? Math.max(...depths) : null,
  };
}

type Scores = Record<Exclude<RowRole, 'header' | 'measure'>, number>;

/**
 * Gives every row of a table a role from features scored together: its label ("Priority A",
 * "Objective 2", "Action 7", "EQ1"), the depth of an outline ref, which cells are filled, whether
 * the table uses refs, and the role of the row above. The highest score wins; reasons are kept.
 */
export function tableRoles(rows: readonly GridRow[], due: DueReader): RoledRow[] {
  const facts = tableFacts(rows);
  // The document's first line (its title or the council's name) recurs in running headers.
  const title = rows[0] === undefined ? '' : flat(rows[0].cells.join(' '));
  const roled: RoledRow[] = [];
  let previous: RowRole | null = null;
  for (const [position, row] of rows.entries()) {
    if (row.isHeader) {
      roled.push({ row, role: 'header', why: 'a row of column headings', by: 'features' });
      continue;
    }
    if (row.layout === null) {
      // Before the first table: a group label right above a header ("Part A – …") is a group.
      const next = rows[position + 1];
      const label = labelOf(row);
      if (label?.level === 'group' && next?.isHeader === true && filledCount(row) === 1) {
        roled.push({ row, role: 'group', why: `labelled "${label.label}" above the table`, by: 'features' });
        previous = 'group';
      } else {
        roled.push({ row, role: 'ignore', why: 'text before the table', by: 'features' });
      }
      continue;
    }
    const scores: Scores = { group: 0, objective: 0, action: 0, continuation: 0, ignore: 0 };
    const reasons: Record<keyof Scores, string[]> = {
      group: [],
      objective: [],
      action: [],
      continuation: [],
      ignore: [],
    };
    const add = (role: keyof Scores, score: number, reason: string): void => {
      scores[role] += score;
      reasons[role].push(reason);
    };
    if (isNoise(row.cells)) add('ignore', 10, 'page furniture or debris');
    const label = labelOf(row);
    if (label !== null) add(label.level, 6, `labelled "${label.label}"`);
    const ref = cellOf(row, 'ref');
    const depth = outlineDepth(ref);
    if (facts.outlineDepth !== null && depth !== null) {
      const level = depth >= facts.outlineDepth ? 'action' : depth === facts.outlineDepth - 1 ? 'objective' : 'group';
      add(level, 6, `outline ref ${ref} at level ${depth} of ${facts.outlineDepth}`);
    } else if (label === null && ref !== '' && isActionRef(ref)) {
      add('action', 4, `ref ${ref}`);
    }
    const action = cellOf(row, 'action');
    if (action !== '') add('action', 2, 'the action cell is filled');
    if (cellOf(row, 'lead') !== '') add('action', 1, 'a lead');
    const dueText = cellOf(row, 'due');
    if (dueText !== '' && due.isDueLike(dueText)) add('action', 1, 'a due');
    if (cellOf(row, 'objective') !== '' && action !== '') add('action', 4, 'the row gives its objective and action');
    const firstEmpty = (row.cells[0] ?? '').trim() === '';
    const continues = previous === 'action' || previous === 'continuation';
    if ((previous === 'objective' || previous === 'group') && label === null && ref === '' && firstEmpty) {
      if (cellOf(row, 'lead') === '' && cellOf(row, 'due') === '') add('continuation', 5, 'the heading above wraps');
    }
    if (continues && label === null && ref === '' && firstEmpty) {
      if (facts.usesRefs) add('continuation', 5, 'no ref in a table whose actions have refs');
      else if (action === '' && cellOf(row, 'objective') === '') add('continuation', 4, 'no action text');
      if (startsLowercase(action)) add('continuation', 3, 'the action text goes on mid-sentence');
    }
    if (label === null && depth === null && filledCount(row) === 1 && !firstEmpty) {
      const next = rows[position + 1];
      const text = flat(row.cells.find((cell) => cell.trim() !== '') ?? '');
      if (next === undefined || next.isHeader || isNoise(next.cells) || (title !== '' && text.includes(title)))
        add('ignore', 5, 'a running header or footer (at a page break, or repeating the title)');
      if (isHeadingLike(row)) add('objective', 2, 'a heading on its own');
      else add('ignore', 3, 'text across the table');
    }
    const ranked = (Object.keys(scores) as (keyof Scores)[]).sort((a, b) => scores[b] - scores[a]);
    let role: RowRole = ranked[0] ?? 'ignore';
    if (scores[role] <= 0) role = 'ignore';
    roled.push({ row, role, why: reasons[role].join(', ') || 'nothing recognised', by: 'features' });
    previous = role === 'ignore' ? previous : role;
  }
  return confirmHeadings(roled);
}

/** An unlabelled heading is an objective only if actions follow it (else it is a title or a note). */
function confirmHeadings(roled: RoledRow[]): RoledRow[] {
  return roled.map((entry, index) => {
    if (entry.role !== 'objective' || labelOf(entry.row) !== null || outlineDepth(cellOf(entry.row, 'ref')) !== null)
      return entry;
    const next = roled.slice(index + 1).find((candidate) => candidate.role !== 'ignore' && candidate.role !== 'header');
    if (next?.role === 'action') return entry;
    return { ...entry, role: 'ignore', why: 'a line with no actions under it' };
  });
}
