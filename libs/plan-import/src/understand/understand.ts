import type { Due } from '@due-regard/plans';

import { BULLET, flat, listStructure, quote } from '../interpret/cell-text.js';
import { NO_DUE, type DueReader } from '../interpret/due.js';
import { splitMeasures } from '../interpret/build-preview.js';
import { knownLeads, splitLeads } from '../interpret/leads.js';
import { inferStatus } from '../interpret/progress.js';
import { normaliseHeading } from '../interpret/vocabulary.js';
import type {
  ColumnRole,
  PreviewAction,
  PreviewColumn,
  PreviewGroup,
  PreviewObjective,
  PreviewProgress,
  PreviewWarning,
  ProgressStatus,
} from '../preview.js';
import type { SourceDocument } from '../sources/rows.js';
import { outlineDepth, readLabel } from './labels.js';
import { narrativeRoles, splitFields } from './narrative.js';
import { cellOf, labelOf, tableRoles, type OfficerRowRole, type RoledRow } from './roles.js';
import { readGrid, type GridRow } from './rows.js';

/** A line of the document as the preview lists it, with the role it was read as and why. */
export type PreviewRow = {
  readonly at: string;
  readonly text: string;
  readonly role: RoledRow['role'];
  readonly why: string;
  readonly by: RoledRow['by'];
};

export type Understanding = {
  readonly columns: PreviewColumn[];
  readonly unmappedColumns: string[];
  readonly groups: PreviewGroup[];
  readonly objectives: PreviewObjective[];
  readonly actions: PreviewAction[];
  readonly warnings: PreviewWarning[];
  readonly rows: PreviewRow[];
  /** `table`: rows under a header; `narrative`: headings, lists and paragraphs. */
  readonly reading: 'table' | 'narrative';
};

type Fields = Partial<Record<ColumnRole, string>>;

type GroupDraft = { ref: string | null; title: string; at: string };
type ObjectiveDraft = {
  ref: string | null;
  title: string;
  group: GroupDraft | null;
  measures: string[];
  at: string;
  /** The first action row wrote the objective (a merged objective cell), so may hold its measures. */
  firstRowWroteIt: boolean;
};
type ActionDraft = {
  ref: string | null;
  group: GroupDraft | null;
  objective: ObjectiveDraft | null;
  fields: Fields;
  at: string;
};

/**
 * Leads as the cell lists them: split on "/", ";", "|" and line breaks, never on "and" or "–"; where
 * a copy ran two names together, at the names the plan's other cells give on their own.
 */
function splitLeadCell(text: string, known: readonly string[]): string[] {
  const leads = splitLeads(text, known)
    .map((lead) => lead.replace(/[.,]+$/, '').trim())
    .filter((lead) => lead !== '' && lead !== BULLET.trim());
  return [...new Set(leads)];
}

function measuresOf(text: string): string[] {
  if (text.trim() === '') return [];
  return splitMeasures(text)
    .flatMap((measure) => measure.split(/\s*;\s*/))
    .filter((measure) => measure !== '');
}

const RAG: Readonly<Record<string, ProgressStatus>> = {
  g: 'in_progress',
  green: 'in_progress',
  a: 'in_progress',
  amber: 'in_progress',
  r: 'not_started',
  red: 'not_started',
  b: 'completed',
  blue: 'completed',
  complete: 'completed',
};

function statusOf(text: string): ProgressStatus | null {
  return RAG[text.trim().toLowerCase()] ?? inferStatus(text);
}

/**
 * Understanding, the second half: every row gets a role (from features, or the officer's
 * correction), then the plan is assembled from the roles alone.
 */
export function understand(
  document: SourceDocument,
  due: DueReader,
  mapping: ReadonlyMap<string, ColumnRole>,
  corrections: ReadonlyMap<string, OfficerRowRole> = new Map(),
): Understanding {
  const grid = readGrid(document, mapping);
  const reading = grid.some((row) => row.isHeader) ? 'table' : 'narrative';
  const byFeatures = reading === 'table' ? tableRoles(grid, due) : narrativeRoles(grid);
  const roled = byFeatures.map((entry): RoledRow => {
    const corrected = corrections.get(entry.row.at);
    return corrected === undefined || entry.role === 'header'
      ? entry
      : { ...entry, role: corrected, why: 'set by the officer', by: 'officer' };
  });
  const assembled = reading === 'table' ? assembleTable(roled) : assembleNarrative(roled);
  const warnings: PreviewWarning[] = [...assembled.warnings];
  for (const entry of roled) {
    if (entry.role === 'ignore' && entry.row.layout !== null && entry.why.startsWith('page furniture or debris')) {
      warnings.push({ at: entry.row.at, message: `ignored page furniture ${quote(entry.row.text)}` });
    }
    if (entry.row.repairedBullets && entry.role !== 'ignore') {
      warnings.push({ at: entry.row.at, message: 'a bullet a PDF or a Symbol font garbled was read as "•"' });
    }
  }
  const { groups, objectives, actions } = finish(assembled, due, warnings);
  const { columns, unmapped } = columnsOf(grid);
  return {
    columns,
    unmappedColumns: unmapped,
    groups,
    objectives,
    actions,
    warnings,
    rows: roled.map((entry) => ({
      at: entry.row.at,
      text: entry.row.text,
      role: entry.role,
      why: entry.why,
      by: entry.by,
    })),
    reading,
  };
}

type Assembled = {
  groups: GroupDraft[];
  objectives: ObjectiveDraft[];
  actions: ActionDraft[];
  warnings: PreviewWarning[];
};

function fieldsOf(row: GridRow): Fields {
  const fields: Fields = {};
  for (const column of row.layout?.columns ?? []) {
    if (column.role === null || column.role === 'ignore') continue;
    const text = (row.cells[column.index] ?? '').trim();
    if (text === '') continue;
    fields[column.role] = fields[column.role] === undefined ? text : `${fields[column.role] ?? ''}\n${text}`;
  }
  return fields;
}

/** A heading row's ref and title: its label and what follows, or its outline ref and text. */
function headingOf(row: GridRow): { ref: string | null; title: string } {
  const label = labelOf(row);
  const texts = row.cells.map((cell) => flat(cell)).filter((cell) => cell !== '');
  if (label !== null) {
    const rest = texts.slice(1).join(' ');
    return { ref: label.label, title: label.title !== '' ? label.title : rest };
  }
  const ref = cellOf(row, 'ref');
  if (outlineDepth(ref) !== null) return { ref, title: texts.filter((text) => text !== ref)[0] ?? '' };
  return { ref: null, title: texts.join(' ') };
}

function assembleTable(roled: readonly RoledRow[]): Assembled {
  const out: Assembled = { groups: [], objectives: [], actions: [], warnings: [] };
  let group: GroupDraft | null = null;
  let objective: ObjectiveDraft | null = null;
  let last: ActionDraft | null = null;
  const startGroup = (ref: string | null, title: string, at: string): void => {
    group = { ref, title, at };
    out.groups.push(group);
    objective = null;
  };
  const startObjective = (ref: string | null, title: string, at: string, wroteIt: boolean): void => {
    objective = { ref, title, group, measures: [], at, firstRowWroteIt: wroteIt };
    out.objectives.push(objective);
  };
  for (const { row, role } of roled) {
    switch (role) {
      case 'group': {
        const heading = headingOf(row);
        startGroup(heading.ref, heading.title, row.at);
        last = null;
        break;
      }
      case 'objective': {
        const heading = headingOf(row);
        startObjective(heading.ref, heading.title, row.at, false);
        const measures = cellOf(row, 'measure');
        if (measures !== '') (objective as ObjectiveDraft | null)?.measures.push(...measuresOf(measures));
        last = null;
        break;
      }
      case 'action': {
        const fields = fieldsOf(row);
        // A spreadsheet names the group and objective on the row (merged cells left blank below).
        const groupText = flat(fields.group ?? '');
        const currentGroup = group as GroupDraft | null;
        if (groupText !== '' && groupText !== currentGroup?.title && groupText !== currentGroup?.ref) {
          const label = readLabel(groupText);
          startGroup(label?.label ?? null, label?.title ?? groupText, row.at);
        }
        const refText = flat(fields.ref ?? '');
        const refLabel = readLabel(refText);
        const objectiveText = flat(fields.objective ?? '');
        const currentObjective = objective as ObjectiveDraft | null;
        if (objectiveText !== '' && objectiveText !== currentObjective?.title) {
          const label = readLabel(objectiveText);
          const ref = label?.label ?? (refLabel?.level === 'objective' ? refLabel.label : null);
          startObjective(ref, label?.title ?? objectiveText, row.at, true);
        }
        const rowLabel = labelOf(row);
        const ref =
          rowLabel?.level === 'action'
            ? rowLabel.label
            : refLabel !== null && refLabel.level !== 'action'
              ? null
              : refText === ''
                ? null
                : refText;
        delete fields.ref;
        delete fields.group;
        delete fields.objective;
        last = { ref, group, objective, fields, at: row.at };
        out.actions.push(last);
        break;
      }
      case 'continuation': {
        const target = last;
        if (target === null) {
          // A heading wrapped over several lines: its title goes on.
          const heading = (objective as ObjectiveDraft | null) ?? group;
          const more = row.cells
            .map((cell) => flat(cell))
            .filter((cell) => cell !== '')
            .join(' ');
          if (heading !== null && more !== '') heading.title = `${heading.title} ${more}`.trim();
          break;
        }
        for (const [key, text] of Object.entries(fieldsOf(row)) as [ColumnRole, string][]) {
          if (key === 'ref' || key === 'group' || key === 'objective') continue;
          const before = target.fields[key];
          target.fields[key] = before === undefined ? text : `${before} ${text}`;
        }
        break;
      }
      case 'measure': {
        const target = objective as ObjectiveDraft | null;
        target?.measures.push(...measuresOf(flat(row.cells.join(' '))));
        break;
      }
      case 'header':
      case 'ignore':
        break;
    }
  }
  return out;
}

function assembleNarrative(roled: readonly RoledRow[]): Assembled {
  const out: Assembled = { groups: [], objectives: [], actions: [], warnings: [] };
  let group: GroupDraft | null = null;
  let objective: ObjectiveDraft | null = null;
  let last: { draft: ActionDraft; text: string } | null = null;
  const close = (): void => {
    if (last === null) return;
    const { title, fields } = splitFields(last.text);
    last.draft.fields = { ...(Object.fromEntries(fields) as Fields), action: title };
    last = null;
  };
  for (const { row, role } of roled) {
    const text = flat(row.cells.join(' '));
    if (role !== 'continuation') close();
    switch (role) {
      case 'group': {
        const label = readLabel(text);
        group = { ref: label?.label ?? null, title: label?.title ?? text, at: row.at };
        out.groups.push(group);
        objective = null;
        break;
      }
      case 'objective': {
        const label = readLabel(text);
        objective = {
          ref: label?.label ?? null,
          title: label?.title ?? text,
          group,
          measures: [],
          at: row.at,
          firstRowWroteIt: false,
        };
        out.objectives.push(objective);
        break;
      }
      case 'action': {
        const draft: ActionDraft = { ref: null, group, objective, fields: {}, at: row.at };
        const label = readLabel(text);
        if (label?.level === 'action') draft.ref = label.label;
        out.actions.push(draft);
        last = { draft, text: label?.level === 'action' ? label.title : text };
        break;
      }
      case 'continuation':
        if (last !== null) last.text = `${last.text} ${text}`;
        break;
      case 'measure':
        objective?.measures.push(...measuresOf(text));
        break;
      case 'header':
      case 'ignore':
        break;
    }
  }
  close();
  return out;
}

/** The preview's groups, objectives and actions from the drafts: lists split, dues read, names given. */
function finish(
  assembled: Assembled,
  due: DueReader,
  warnings: PreviewWarning[],
): { groups: PreviewGroup[]; objectives: PreviewObjective[]; actions: PreviewAction[] } {
  // A plan whose only level above actions is priorities or themes has them as its objectives.
  let { groups, objectives } = assembled;
  if (objectives.length === 0 && groups.length > 0) {
    const promoted = new Map<GroupDraft, ObjectiveDraft>();
    objectives = groups.map((entry) => {
      const objective: ObjectiveDraft = { ...entry, group: null, measures: [], firstRowWroteIt: false };
      promoted.set(entry, objective);
      return objective;
    });
    for (const action of assembled.actions) {
      action.objective = action.group === null ? null : (promoted.get(action.group) ?? null);
    }
    groups = [];
  }
  const name = (entry: { ref: string | null; title: string }): string => entry.ref ?? entry.title;

  const actions: PreviewAction[] = [];
  const known = knownLeads(assembled.actions.flatMap((draft) => draft.fields.lead ?? []));
  const perObjective = new Map<ObjectiveDraft, { draft: ActionDraft; count: number; measures: string[] }[]>();
  for (const draft of assembled.actions) {
    const structure = listStructure(draft.fields.action ?? '');
    const points =
      structure.items.length >= 2 ? structure.items : [flat(draft.fields.action ?? draft.fields.description ?? '')];
    const measures = measuresOf(draft.fields.measure ?? '');
    if (draft.objective !== null) {
      const list = perObjective.get(draft.objective) ?? [];
      list.push({ draft, count: points.length, measures });
      perObjective.set(draft.objective, list);
    }
  }
  // Measures in a cell shared by several actions (a list of action points, or a cell merged over
  // the objective's rows and written on its first) belong to the objective.
  const toObjective = new Set<ActionDraft>();
  for (const [objective, entries] of perObjective) {
    for (const entry of entries) {
      if (entry.count >= 2 && entry.measures.length > 0) toObjective.add(entry.draft);
    }
    const [first, ...rest] = entries;
    if (
      first !== undefined &&
      objective.firstRowWroteIt &&
      rest.length > 0 &&
      first.measures.length > 0 &&
      rest.every((entry) => entry.measures.length === 0)
    ) {
      toObjective.add(first.draft);
    }
    for (const entry of entries) if (toObjective.has(entry.draft)) objective.measures.push(...entry.measures);
  }

  for (const draft of assembled.actions) {
    const structure = listStructure(draft.fields.action ?? '');
    const points =
      structure.items.length >= 2 ? structure.items : [flat(draft.fields.action ?? draft.fields.description ?? '')];
    const description =
      structure.items.length >= 2
        ? [structure.leadIn, draft.fields.description === undefined ? null : flat(draft.fields.description)]
            .filter((part): part is string => part !== null && part !== '')
            .join(' ') || null
        : draft.fields.action === undefined || draft.fields.description === undefined
          ? null
          : flat(draft.fields.description);
    const measures = toObjective.has(draft) ? [] : measuresOf(draft.fields.measure ?? '');
    const dueText = flat(draft.fields.due ?? '');
    let actionDue: Due = dueText === '' ? NO_DUE : due.read(dueText);
    let dueSource: PreviewAction['dueSource'] = dueText === '' ? null : 'column';
    const leads = splitLeadCell(draft.fields.lead ?? '', known);
    const progress: PreviewProgress[] = [];
    if (draft.fields.progress !== undefined) {
      const text = flat(draft.fields.progress);
      progress.push({ text, status: inferStatus(text) });
    }
    const statusText = flat(draft.fields.status ?? '');
    const status = statusText === '' ? null : statusOf(statusText);
    if (statusText !== '' && progress.length === 0) progress.push({ text: statusText, status });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    points.forEach((title, index) => {
      if (title === '') {
        warnings.push({
          at: draft.at,
          message: `a row ${draft.ref === null ? '' : `(${draft.ref}) `}has no action text: ignored`,
        });
        return;
      }
      if (dueText === '' && index === 0) {
        const found = due.trailingDue(title);
        if (found !== null) {
          actionDue = found;
          dueSource = 'text';
          warnings.push({
            at: draft.at,
            message: `action ${draft.ref ?? quote(title, 30)}: due ${quote(found.text ?? '')} read from the end of its text`,
          });
        }
      } else if (dueText !== '' && actionDue.kind === 'unknown' && index === 0) {
        warnings.push({
          at: draft.at,
          message: `action ${draft.ref ?? quote(title, 30)}: due ${quote(dueText)} not understood; kept as written`,
        });
      }
      actions.push({
        ref:
          points.length >= 2 && draft.ref !== null ? `${draft.ref}${letters[index] ?? String(index + 1)}` : draft.ref,
        objective: draft.objective === null ? null : name(draft.objective),
        title,
        description,
        due: actionDue,
        dueSource,
        dueRevisions: [],
        measures,
        leads,
        progress,
        status: progress.findLast((entry) => entry.status !== null)?.status ?? status,
        at: draft.at,
      });
    });
    if (points.length >= 2) {
      warnings.push({
        at: draft.at,
        message: `${points.length} action points in one cell: imported as ${points.length} actions`,
      });
    }
  }
  return {
    groups: groups.map((entry) => ({ ref: entry.ref, title: entry.title, at: entry.at })),
    objectives: objectives.map((entry) => ({
      ref: entry.ref,
      title: entry.title,
      group: entry.group === null ? null : name(entry.group),
      measures: [...new Set(entry.measures)],
      at: entry.at,
    })),
    actions,
  };
}

function columnsOf(grid: readonly GridRow[]): { columns: PreviewColumn[]; unmapped: string[] } {
  const seen = new Set<string>();
  const columns: PreviewColumn[] = [];
  for (const row of grid) {
    if (!row.isHeader || row.layout === null) continue;
    for (const column of row.layout.columns) {
      if (column.header === '' && column.role === null) continue;
      const key = `${normaliseHeading(column.header)}=${column.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push({ header: column.header, role: column.role, by: column.by });
    }
  }
  return {
    columns,
    unmapped: [...new Set(columns.filter((column) => column.role === null).map((column) => column.header))],
  };
}
