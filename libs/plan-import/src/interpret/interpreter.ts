import type { ColumnRole, PreviewWarning } from '../preview.js';
import type { SourceRow } from '../sources/rows.js';
import { alignRow } from './align.js';
import {
  cleanCell,
  endsMidPhrase,
  endsSentence,
  flat,
  isBulletOnly,
  isGarbled,
  isScrap,
  isUnfinished,
  joinLines,
  joinSplitText,
  quote,
  startsLowercase,
  BULLET,
} from './cell-text.js';
import type { DueReader } from './due.js';
import { columnOf, fieldKey, readHeader, type Layout, type LayoutColumn } from './layout.js';
import { isPageNumber, readActionRef, type ActionRef } from './refs.js';
import { readSectionHeading, type SectionHeading } from './sections.js';

/** A heading above actions: an objective (level 2) or the level above it (level 1). */
export type SectionDraft = {
  readonly id: number;
  level: 1 | 2;
  readonly label: string | null;
  key: string | null;
  title: string;
  readonly measures: string[];
  readonly at: string;
  readonly parent: SectionDraft | null;
  /** Made up because an action's ref implied it and the document had no heading for it. */
  readonly implied: boolean;
};

export type ActionDraft = {
  readonly id: number;
  readonly ref: string | null;
  readonly section: SectionDraft | null;
  readonly at: string;
  /** Text per field ("action#0", "measure#1"), as cleaned cell text with "\n" and "• " items. */
  readonly fields: Map<string, string>;
  /** Fields whose next fragment starts a new list item (a bullet stood alone on a wrapped line). */
  readonly pendingItem: Set<string>;
  /** Fields that reached their length limit. */
  readonly overflowing: Set<string>;
  /** Fields copied from the action above because the source merged the cell over both rows. */
  readonly sharedFields: Map<string, number>;
};

export type Interpretation = {
  readonly sections: readonly SectionDraft[];
  readonly actions: readonly ActionDraft[];
  readonly layouts: readonly Layout[];
  readonly warnings: readonly PreviewWarning[];
};

type Fragment = {
  readonly index: number;
  /** The cell as the source had it, whitespace collapsed: for warnings. */
  readonly raw: string;
  readonly text: string;
  readonly flat: string;
  readonly ref: ActionRef | null;
  readonly mergedWithAbove: boolean;
  /** Debris or scribble (see isScrap, isGarbled). */
  readonly noise: boolean;
};

type Placed = { readonly column: LayoutColumn; readonly fragment: Fragment };

const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set(['action', 'description', 'measure', 'progress']);
const LOOKAHEAD_ROWS = 6;
/** More cells than any plan has: the rest of such a row is not read. */
const MAX_CELLS = 200;
/** Longer than any cell of a plan: a field grown past it (a ref repeated all through a file) stops growing. */
const MAX_FIELD_CHARS = 20_000;

export function fieldRole(key: string): string {
  return key.slice(0, key.indexOf('#'));
}

/**
 * Reads rows of cells as an action plan: header rows (by meaning), section headings, actions and
 * the rows that continue them, noise. One pass, with a short look ahead for headings that lost
 * their number.
 */
export class PlanInterpreter {
  private readonly sections: SectionDraft[] = [];
  private readonly actions: ActionDraft[] = [];
  private readonly layouts: Layout[] = [];
  private readonly warnings: PreviewWarning[] = [];
  private readonly byRef = new Map<string, ActionDraft>();
  private layout: Layout | null = null;
  private lastOffset = 0;
  private headingBeforeTable: { heading: SectionHeading; at: string } | null = null;
  private inTable = false;
  private level1: SectionDraft | null = null;
  private level2: SectionDraft | null = null;
  private current: ActionDraft | null = null;
  private nextId = 1;
  private rows: readonly SourceRow[] = [];
  private cleaned: readonly (readonly string[])[] = [];

  constructor(
    private readonly due: DueReader,
    private readonly mapping: ReadonlyMap<string, ColumnRole>,
  ) {}

  interpret(rows: readonly SourceRow[]): Interpretation {
    this.rows = rows;
    this.cleaned = rows.map((row) => row.cells.slice(0, MAX_CELLS).map((cell) => cleanCell(cell.text)));
    rows.forEach((row, index) => this.readRow(row, index));
    return { sections: this.sections, actions: this.actions, layouts: this.layouts, warnings: this.warnings };
  }

  private warn(at: string, message: string): void {
    this.warnings.push({ at, message });
  }

  private fragmentsOf(index: number): Fragment[] {
    const row = this.rows[index];
    const texts = this.cleaned[index] ?? [];
    const fragments: Fragment[] = [];
    texts.forEach((text, cellIndex) => {
      const cell = row?.cells[cellIndex];
      const raw = (cell?.text ?? '')
        .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      const merged = cell?.mergedWithAbove === true;
      // Debris that cleaning removed still makes a fragment, so that it is reported.
      if (text === '' && raw === '' && !merged) return;
      const value = flat(text);
      fragments.push({
        index: cellIndex,
        raw,
        text,
        flat: value,
        ref: readActionRef(value),
        mergedWithAbove: merged && raw === '',
        noise: isScrap(text) || isGarbled(text),
      });
    });
    return fragments;
  }

  private readRow(row: SourceRow, index: number): void {
    const texts = this.cleaned[index] ?? [];
    const all = this.fragmentsOf(index);
    const fragments = all.filter((fragment) => !fragment.mergedWithAbove);
    if (fragments.length === 0) return;

    if (row.cells.length > MAX_CELLS) {
      this.warn(row.at, `the row has ${row.cells.length} cells: only the first ${MAX_CELLS} were read`);
    }
    const header = readHeader(texts, this.mapping);
    if (header !== null) {
      if (this.layout?.key !== header.key) this.layouts.push(header);
      this.layout = header;
      this.lastOffset = 0;
      this.inTable = true;
      const pending = this.headingBeforeTable;
      this.headingBeforeTable = null;
      if (pending !== null) this.openSection(pending.heading, pending.at, false, []);
      return;
    }
    const layout = this.layout;
    if (layout === null || !this.inTable) {
      // A heading just above a table ("Objective 1: …" as a Word heading, then its table).
      const only = fragments.length === 1 ? fragments[0] : undefined;
      const heading = only === undefined ? null : readSectionHeading(only.flat);
      this.headingBeforeTable = heading?.labelled === true ? { heading, at: row.at } : null;
    }
    if (layout === null) return;
    if (!this.inTable) {
      // A table that goes on after text between its pages, without repeating its header.
      const refColumn = columnOf(layout, 'ref');
      const first = fragments[0];
      if (refColumn === undefined || first?.ref?.compound !== true || first.index !== refColumn.index) return;
      this.inTable = true;
      this.headingBeforeTable = null;
    }

    if (this.isNoiseRow(fragments)) {
      const text = fragments.map((fragment) => fragment.raw).join(' ');
      const pageNumber = fragments.length === 1 && isPageNumber(text);
      this.warn(row.at, pageNumber ? `ignored page number ${quote(text)}` : `ignored stray text ${quote(text)}`);
      return;
    }
    if (this.readSectionRow(row, index, layout, fragments)) return;
    if (this.closesTable(layout, fragments)) {
      this.inTable = false;
      return;
    }
    this.readDataRow(row, layout, all);
  }

  private isNoiseRow(fragments: readonly Fragment[]): boolean {
    if (fragments.some((fragment) => fragment.ref?.compound === true)) return false;
    return fragments.every((fragment) => isScrap(fragment.text) || isPageNumber(fragment.flat));
  }

  /** One cell of prose where the reference column is (text after the table, an address): the table has ended. */
  private closesTable(layout: Layout, fragments: readonly Fragment[]): boolean {
    if (fragments.length !== 1) return false;
    const only = fragments[0];
    if (only === undefined || only.ref !== null) return false;
    const refColumn = columnOf(layout, 'ref');
    if (refColumn !== undefined) return only.index <= refColumn.index;
    // Without refs, only a long sentence in the first column reads as prose after the table.
    return (
      only.index === (layout.columns[0]?.index ?? 0) && endsSentence(only.flat) && only.flat.split(' ').length > 12
    );
  }

  // -------------------------------------------------------------------------------------------
  // Section headings

  private readSectionRow(row: SourceRow, index: number, layout: Layout, all: readonly Fragment[]): boolean {
    if (all.some((fragment) => fragment.ref?.compound === true)) return false;
    const category = layout.columns.find((column) => column.role === 'group' || column.role === 'objective');
    // A theme or pillar written beside an objective heading: the category, then the heading.
    const categoryFragment =
      category !== undefined && all.length > 1 && all[0]?.index === category.index ? all[0] : undefined;
    const fragments = categoryFragment === undefined ? all : all.slice(1);
    const action = columnOf(layout, 'action') ?? columnOf(layout, 'description');
    const first = fragments[0];
    if (first === undefined || first.index > (action?.index ?? 1) + 1) return false;
    const measureColumn = columnOf(layout, 'measure');

    let title = '';
    const measures: string[] = [];
    let cells = 0;
    for (const fragment of fragments) {
      const inMeasureColumn = measureColumn !== undefined && fragment.index === measureColumn.index;
      if (inMeasureColumn && title !== '' && !startsLowercase(fragment.flat) && endsSentence(title)) {
        measures.push(fragment.text);
        continue;
      }
      // The rest of one heading that the copy ran across the table's cells.
      const spill =
        title === '' ||
        /^[A-Za-z]+\.?$/.test(title) ||
        startsLowercase(fragment.flat) ||
        /^[-–—,.;:)]/.test(fragment.flat) ||
        fragment.text.startsWith(BULLET) ||
        endsMidPhrase(title);
      if (!spill) return false;
      const piece = fragment.text.startsWith(BULLET) ? `- ${fragment.flat}` : fragment.flat;
      title = cells === 0 ? fragment.flat : joinSplitText(title, piece);
      cells += 1;
    }
    const heading = readSectionHeading(title);
    if (heading === null) {
      return categoryFragment === undefined && this.readUnnumberedHeading(row, index, layout, fragments);
    }
    if (!heading.labelled && !this.acceptsBareNumber(heading, index)) return false;
    if (categoryFragment !== undefined && category !== undefined)
      this.openCategory(category, categoryFragment.text, row.at);
    this.openSection(heading, row.at, cells > 1, measures);
    return true;
  }

  /** "3: …" with no label is a heading when it is not the current objective and actions follow it. */
  private acceptsBareNumber(heading: SectionHeading, index: number): boolean {
    if (heading.key === null || heading.title.split(' ').length < 2) return false;
    if (this.level2?.key === heading.key) return false;
    const implied = this.nextImpliedKeys(index);
    return implied !== null && implied.includes(heading.key);
  }

  private nextImpliedKeys(index: number): readonly string[] | null {
    for (let next = index + 1; next < Math.min(this.rows.length, index + 1 + LOOKAHEAD_ROWS * 4); next += 1) {
      const texts = this.cleaned[next] ?? [];
      if (readHeader(texts, this.mapping) !== null) continue;
      for (const text of texts.slice(0, 3)) {
        const ref = readActionRef(flat(text));
        if (ref?.compound === true) return ref.objectiveKeys;
      }
    }
    return null;
  }

  /**
   * A heading whose number the copy lost entirely: one cell of text where the action or reference
   * goes, followed by actions whose refs imply an objective the plan has not had yet.
   */
  private readUnnumberedHeading(
    row: SourceRow,
    index: number,
    layout: Layout,
    fragments: readonly Fragment[],
  ): boolean {
    if (fragments.length !== 1 || columnOf(layout, 'ref') === undefined) return false;
    const only = fragments[0];
    if (only === undefined || !/^[A-Z]/.test(only.flat) || only.flat.split(' ').length > 40) return false;
    if (this.current !== null && isUnfinished(this.current.fields.get('action#0') ?? '')) return false;
    const implied = this.nextImpliedKeys(index);
    const key = implied?.[implied.length - 1];
    if (key === undefined || this.sections.some((section) => section.key === key) || this.level2?.key === key)
      return false;
    this.openSection({ level: 2, label: null, key, title: only.flat, labelled: false }, row.at, false, []);
    return true;
  }

  private openSection(heading: SectionHeading, at: string, split: boolean, measures: readonly string[]): void {
    const existing =
      heading.key !== null
        ? this.sections.find((section) => section.level === heading.level && section.key === heading.key)
        : undefined;
    if (existing !== undefined) {
      // The same heading repeated at the top of the next page.
      if (heading.level === 2) this.level2 = existing;
      else this.level1 = existing;
      if (existing.title.length < heading.title.length && existing.implied) existing.title = heading.title;
      existing.measures.push(...measures);
      this.current = null;
      return;
    }
    const section: SectionDraft = {
      id: this.nextId++,
      level: heading.level,
      label: heading.label,
      key: heading.key,
      title: heading.title,
      measures: [...measures],
      at,
      parent: heading.level === 2 ? this.level1 : null,
      implied: false,
    };
    this.sections.push(section);
    if (heading.level === 1) {
      this.level1 = section;
      this.level2 = null;
    } else {
      this.level2 = section;
    }
    this.current = null;
    const name =
      heading.label !== null && heading.key !== null
        ? `${heading.label} ${heading.key}`
        : quote(heading.key === null ? heading.title : `${heading.key}: ${heading.title}`, 40);
    const problems: string[] = [];
    if (split) problems.push('was split across cells by the copy');
    if (endsMidPhrase(heading.title) || heading.title === '')
      problems.push(`seems cut off (${quote(heading.title.slice(-30))})`);
    if (problems.length > 0) this.warn(at, `heading ${name} ${problems.join(' and ')}: check its title`);
  }

  private openCategory(column: LayoutColumn, text: string, at: string): void {
    const value = flat(text);
    const heading = readSectionHeading(value);
    const level: 1 | 2 = column.role === 'objective' && this.layout?.columns.some((c) => c.role === 'group') ? 2 : 1;
    const title = heading?.labelled === true && heading.title !== '' ? heading.title : value;
    const key = heading?.labelled === true ? heading.key : null;
    const existing = this.sections.find(
      (section) => section.level === level && section.title.toLowerCase() === title.toLowerCase(),
    );
    if (existing !== undefined) {
      if (level === 1) this.level1 = existing;
      else this.level2 = existing;
      this.current = null;
      return;
    }
    this.openSection(
      { level, label: heading?.labelled === true ? heading.label : null, key, title, labelled: true },
      at,
      false,
      [],
    );
  }

  // -------------------------------------------------------------------------------------------
  // Data rows

  private readDataRow(row: SourceRow, layout: Layout, all: readonly Fragment[]): void {
    let fragments = all.filter((fragment) => !fragment.mergedWithAbove);
    const refColumn = columnOf(layout, 'ref');
    const found = this.findRef(fragments, refColumn);
    if (found !== null) {
      // Cells before the ref: debris, or the objective's number repeated by the layout ("4 | 4.3").
      for (const before of fragments.filter((fragment) => fragment.index < found.index)) {
        this.warn(row.at, `ignored stray text ${quote(before.raw)} before action ${found.ref?.ref ?? ''}`);
      }
      fragments = fragments.filter((fragment) => fragment.index >= found.index);
    }
    const ref = found?.ref ?? null;
    const repeat = ref !== null ? this.byRef.get(ref.ref) : undefined;
    const continuing = ref === null || repeat !== undefined ? (repeat ?? this.current) : null;
    const placed = this.place(row, layout, fragments, continuing);

    if (ref !== null && repeat !== undefined) {
      if (repeat !== this.current) this.warn(row.at, `action ${ref.ref} appears again; read as the same action`);
      this.continueAction(repeat, placed, row.at);
      return;
    }
    if (ref !== null) {
      this.startAction(ref, placed, row, layout, all);
      return;
    }
    this.readUnreferencedRow(row, layout, placed, all);
  }

  private findRef(fragments: readonly Fragment[], refColumn: LayoutColumn | undefined): Fragment | null {
    if (refColumn === undefined) return null;
    for (const fragment of fragments.slice(0, 3)) {
      if (fragment.index > refColumn.index + 2) break;
      if (fragment.ref?.compound === true) return fragment;
    }
    const first = fragments[0];
    if (first?.ref !== null && first?.ref !== undefined && Math.abs(first.index - refColumn.index) <= 1) {
      const next = fragments[1];
      if (next !== undefined && next.flat.split(' ').length >= 2) return first;
    }
    return null;
  }

  private place(
    row: SourceRow,
    layout: Layout,
    fragments: readonly Fragment[],
    continuing: ActionDraft | null,
  ): Placed[] {
    const columns = layout.columns;
    const offset = continuing === null ? 0 : this.lastOffset;
    const fits = new Map<Fragment, boolean>();
    const { placed, dropped } = alignRow(
      fragments,
      columns,
      (fragment, column) => this.fitScore(fragment, column, continuing),
      (fragment) => (fragment.noise ? 0 : -3),
      (fragment, column) => {
        const distance = Math.abs(fragment.index + offset - column.index);
        if (distance === 0 || continuing === null) return 0.6 * distance;
        // A wrapped line stays in its column unless it cannot belong there.
        let fitting = fits.get(fragment);
        if (fitting === undefined) {
          fitting = this.fitsWhereItIs(fragment, layout, continuing, offset);
          fits.set(fragment, fitting);
        }
        return fitting ? 2.5 * distance : 0.6 * distance;
      },
    );
    for (const fragment of dropped) this.warn(row.at, `ignored stray text ${quote(fragment.raw)}`);
    const result = placed.map(({ fragment, column }) => ({ fragment, column: columns[column] as LayoutColumn }));
    if (continuing === null && result.length > 0) {
      // How this table's rows sit against its header (a copy can shift them): wrapped lines sit the same way.
      const offsets = result.map(({ fragment, column }) => column.index - fragment.index).sort((a, b) => a - b);
      this.lastOffset = offsets[Math.floor(offsets.length / 2)] ?? 0;
    }
    return result;
  }

  private fitsWhereItIs(fragment: Fragment, layout: Layout, continuing: ActionDraft, offset: number): boolean {
    const column = layout.columns.find((entry) => entry.index === fragment.index + offset);
    if (column === undefined || column.role === null) return false;
    if (column.role === 'ref') return fragment.ref !== null;
    if (column.role === 'due') return this.due.isDueLike(fragment.flat) || fragment.flat.length <= 25;
    const existing = continuing.fields.get(fieldKey(column)) ?? '';
    return !(existing !== '' && startsLowercase(fragment.flat) && endsSentence(existing));
  }

  private fitScore(fragment: Fragment, column: LayoutColumn, continuing: ActionDraft | null): number {
    const role = column.role;
    const short = fragment.flat.length <= 25;
    let score: number;
    if (role === 'ref') score = fragment.ref === null ? -4 : fragment.ref.compound ? 4 : 2;
    else if (role === 'due') score = this.due.isDueLike(fragment.flat) ? 3 : short ? 0.5 : -2;
    else if (role === null) score = column.header === '' ? -0.5 : 1;
    else if (role === 'ignore') score = 0.5;
    else if (fragment.ref?.compound === true) score = -3;
    else score = short && this.due.isDueLike(fragment.flat) && role !== 'status' ? -0.5 : 1;
    if (continuing !== null && role !== null && role !== 'ref' && role !== 'due') {
      const existing = continuing.fields.get(fieldKey(column)) ?? '';
      if (existing !== '' && startsLowercase(fragment.flat)) {
        // Leads and measures are seldom written as sentences: only a connecting word leaves them open.
        const sentenceLike = role === 'action' || role === 'description' || role === 'progress';
        score += endsMidPhrase(existing)
          ? 3
          : sentenceLike && isUnfinished(existing)
            ? 1
            : endsSentence(existing)
              ? -1
              : 0;
      }
      const numbered = /^(\d{1,2})[.)]\s/.exec(fragment.flat);
      if (numbered?.[1] !== undefined && Number(numbered[1]) > 1 && existing.includes(`${Number(numbered[1]) - 1}. `)) {
        score += 2;
      }
    }
    return score;
  }

  private sectionForRef(ref: ActionRef, at: string): SectionDraft | null {
    if (!ref.compound) return this.level2 ?? this.level1;
    for (const key of ref.objectiveKeys) {
      const found =
        this.sections.find((section) => section.level === 2 && section.key === key) ??
        this.sections.find((section) => section.level === 1 && section.key === key);
      if (found !== undefined) {
        if (found.level === 2) this.level2 = found;
        return found;
      }
    }
    const top = ref.objectiveKeys[ref.objectiveKeys.length - 1];
    if (top === undefined) return this.level2 ?? this.level1;
    if (this.level2 !== null && this.level2.key === null) {
      this.level2.key = top;
      return this.level2;
    }
    const section: SectionDraft = {
      id: this.nextId++,
      level: 2,
      label: null,
      key: top,
      title: '',
      measures: [],
      at,
      parent: this.level1,
      implied: true,
    };
    this.sections.push(section);
    this.level2 = section;
    this.warn(at, `action ${ref.ref} implies objective ${top}, which has no heading in the document`);
    return section;
  }

  private startAction(
    ref: ActionRef | null,
    placed: readonly Placed[],
    row: SourceRow,
    layout: Layout,
    all: readonly Fragment[],
  ): void {
    const previous = this.current;
    for (const { column, fragment } of placed) {
      if (column.role === 'group' || column.role === 'objective') this.openCategory(column, fragment.text, row.at);
    }
    const section = ref !== null ? this.sectionForRef(ref, row.at) : (this.level2 ?? this.level1);
    const action: ActionDraft = {
      id: this.nextId++,
      ref: ref?.ref ?? null,
      section,
      at: row.at,
      fields: new Map(),
      pendingItem: new Set(),
      overflowing: new Set(),
      sharedFields: new Map(),
    };
    this.actions.push(action);
    if (ref !== null) this.byRef.set(ref.ref, action);
    this.current = action;

    for (const { column, fragment } of placed) {
      if (column.role === 'ref' || column.role === 'group' || column.role === 'objective') continue;
      let text = fragment.text;
      if (this.isNoiseFragment(fragment, '')) {
        this.warn(row.at, `ignored stray text ${quote(fragment.raw)}`);
        continue;
      }
      // A narrative the copy carried over from the row above: "… as a" | "standing item), to …".
      const key = fieldKey(column);
      const before = previous?.fields.get(key);
      if (
        previous !== null &&
        before !== undefined &&
        column.role !== null &&
        TEXT_ROLES.has(column.role) &&
        startsLowercase(fragment.flat) &&
        isUnfinished(before)
      ) {
        const end = /^(.+?[.!?]['"’”)\]]*)\s+(?=\S)/.exec(text);
        if (end?.[1] !== undefined && end[1].length < text.length) {
          previous.fields.set(key, joinLines(before, end[1]));
          text = text.slice(end[0].length);
          this.warn(row.at, `moved ${quote(end[1], 40)} to the end of the row above, where it belongs`);
        }
      }
      this.setField(action, key, text);
    }
    // Cells merged with the row above (Word, Excel, ODF) hold the same value for this action.
    if (previous !== null) {
      for (const fragment of all.filter((entry) => entry.mergedWithAbove)) {
        const column = layout.columns.find((entry) => entry.index === fragment.index);
        if (column === undefined || column.role === null || column.role === 'ref') continue;
        const key = fieldKey(column);
        const value = previous.fields.get(key);
        if (value === undefined) continue;
        action.fields.set(key, value);
        action.sharedFields.set(key, previous.sharedFields.get(key) ?? previous.id);
      }
    }
  }

  private setField(action: ActionDraft, key: string, text: string): void {
    const existing = action.fields.get(key);
    action.fields.set(key, existing === undefined || existing === '' ? text : `${existing}\n${text}`);
  }

  private readUnreferencedRow(
    row: SourceRow,
    layout: Layout,
    placed: readonly Placed[],
    all: readonly Fragment[],
  ): void {
    const usesRefs = columnOf(layout, 'ref') !== undefined && this.byRef.size > 0;
    const get = (role: ColumnRole): Placed | undefined => placed.find((entry) => entry.column.role === role);
    const category = placed.find((entry) => entry.column.role === 'group' || entry.column.role === 'objective');
    const action = get('action');
    const current = this.current;

    if (current === null) {
      const section = this.level2 ?? this.level1;
      const measures = placed.filter((entry) => entry.column.role === 'measure');
      if (section !== null && measures.length === placed.length && measures.length > 0) {
        section.measures.push(...measures.map((entry) => entry.fragment.text));
        return;
      }
      if (
        section !== null &&
        !section.implied &&
        placed.length > 0 &&
        category === undefined &&
        isUnfinished(section.title)
      ) {
        section.title = joinLines(section.title, placed.map((entry) => entry.fragment.flat).join(' '));
        return;
      }
      if (action === undefined && get('description') === undefined) {
        if (category !== undefined) {
          this.openCategory(category.column, category.fragment.text, row.at);
          return;
        }
        for (const entry of placed) this.warn(row.at, `ignored text outside any action ${quote(entry.fragment.flat)}`);
        return;
      }
      if (usesRefs)
        this.warn(
          row.at,
          `an action without a reference: ${quote((action ?? get('description'))?.fragment.flat ?? '')}`,
        );
      this.startAction(null, placed, row, layout, all);
      return;
    }

    if (category !== undefined && !usesRefs) {
      const existing = current.section;
      const others = placed.filter((entry) => entry !== category);
      if (others.length === 0 && existing !== null && endsMidPhrase(existing.title)) {
        existing.title = joinLines(existing.title, category.fragment.flat);
        return;
      }
      this.openCategory(category.column, category.fragment.text, row.at);
      if (others.length === 0) return;
      this.startAction(null, others, row, layout, all);
      return;
    }

    if (this.startsUnreferencedAction(layout, placed, current, usesRefs)) {
      if (usesRefs) this.warn(row.at, `an action without a reference: ${quote(action?.fragment.flat ?? '')}`);
      this.startAction(null, placed, row, layout, all);
      return;
    }
    this.continueAction(current, placed, row.at);
  }

  /**
   * Whether a row without a ref starts an action. In a table without refs, a row whose action
   * cell starts afresh does; in a table with refs, only a row that reads as a complete action
   * (a due of its own, the action above finished) does.
   */
  private startsUnreferencedAction(
    layout: Layout,
    placed: readonly Placed[],
    current: ActionDraft,
    usesRefs: boolean,
  ): boolean {
    const action = placed.find((entry) => entry.column.role === 'action');
    const above = current.fields.get('action#0') ?? '';
    const freshStart = action !== undefined && /^[A-Z0-9"'‘“(]/.test(action.fragment.flat) && !endsMidPhrase(above);
    if (!usesRefs) {
      if (columnOf(layout, 'action') === undefined) {
        const description = placed.find((entry) => entry.column.role === 'description');
        const descriptionAbove = current.fields.get('description#0') ?? '';
        return (
          description !== undefined &&
          /^[A-Z0-9"'‘“(]/.test(description.fragment.flat) &&
          !endsMidPhrase(descriptionAbove)
        );
      }
      return freshStart;
    }
    const due = placed.find((entry) => entry.column.role === 'due');
    return (
      freshStart &&
      !isUnfinished(above) &&
      due !== undefined &&
      this.due.isDueLike(due.fragment.flat) &&
      (current.fields.get('due#0') ?? '') !== '' &&
      placed.length >= 3
    );
  }

  private isNoiseFragment(fragment: Fragment, existing: string): boolean {
    if (isScrap(fragment.text) && !isBulletOnly(fragment.text)) return true;
    if (isGarbled(fragment.text)) return true;
    // A few lowercase words after a finished sentence: a copy artefact, not a continuation.
    return (
      existing !== '' &&
      startsLowercase(fragment.flat) &&
      fragment.flat.split(' ').length <= 3 &&
      endsSentence(existing) &&
      !isUnfinished(existing)
    );
  }

  private continueAction(action: ActionDraft, placed: readonly Placed[], at: string): void {
    for (const { column, fragment } of placed) {
      if (column.role === 'ref' || column.role === 'group' || column.role === 'objective') continue;
      const key = fieldKey(column);
      const existing = action.fields.get(key) ?? '';
      const noise =
        column.role === 'due'
          ? isScrap(fragment.text) && !isBulletOnly(fragment.text)
          : this.isNoiseFragment(fragment, existing);
      if (noise) {
        this.warn(at, `ignored stray text ${quote(fragment.raw)}`);
        continue;
      }
      if (isBulletOnly(fragment.text)) {
        if (existing !== '' && !isUnfinished(existing)) action.pendingItem.add(key);
        else this.warn(at, `ignored a stray bullet inside ${quote(flat(existing), 40)}`);
        continue;
      }
      if (existing.length >= MAX_FIELD_CHARS) {
        if (!action.overflowing.has(key))
          this.warn(at, `the text of ${action.ref ?? 'an action'} is too long: the rest was ignored`);
        action.overflowing.add(key);
        continue;
      }
      // The same words again at the end: the page layout repeated the line.
      const recent = flat(existing.slice(-(fragment.text.length + 40)));
      if (existing !== '' && recent.endsWith(fragment.flat) && fragment.flat.length >= 3) continue;
      if (column.role === 'due' && existing !== '' && this.conflictingDue(existing, fragment.flat)) {
        this.warn(
          at,
          `ignored a second due ${quote(fragment.flat)} for ${action.ref ?? 'the action'} (kept ${quote(flat(existing))})`,
        );
        continue;
      }
      if (action.pendingItem.has(key)) {
        action.pendingItem.delete(key);
        action.fields.set(key, `${existing}\n${BULLET}${fragment.text}`);
        continue;
      }
      action.fields.set(key, existing === '' ? fragment.text : joinLines(existing, fragment.text));
    }
  }

  /** Two complete single dates on lines of one row ("April 2017" | "April 2011"): not one due wrapped. */
  private conflictingDue(existing: string, fragment: string): boolean {
    if (existing.length > 60) return false;
    const before = flat(existing);
    if (/(?:\b(?:and|to|or|until|till|from)|[-–—/&,])$/i.test(before)) return false;
    if (/^(?:and|to|or|until|till|[-–—/&,])/i.test(fragment)) return false;
    return this.due.isSingleDate(before) && this.due.isSingleDate(fragment) && /\d{4}/.test(fragment);
  }
}
