import {
  COLUMN_ROLES,
  OFFICER_ROW_ROLES,
  type ColumnRole,
  type OfficerRowRole,
  type PreviewColumn,
  type PreviewJson,
  type PreviewRow,
} from '@due-regard/plan-import';
import type { ColumnMapping, ImportStatus } from '@due-regard/plan-import-app';
import type { DueKind } from '@due-regard/plans';
import { readDateInput, type DateInputValues } from '../forms/date-input.js';
import { ukDate } from '../rendering/uk-dates.js';

type PreviewJsonAction = PreviewJson['actions'][number];
type PreviewJsonObjective = PreviewJson['objectives'][number];

const DUE_KIND_NAMES: Readonly<Record<DueKind, string>> = {
  date: 'A date',
  milestones: 'Milestones',
  range: 'A period',
  recurring: 'Recurring',
  ongoing: 'Ongoing',
  unknown: 'Not understood',
};

export interface DueSummary {
  readonly asWritten: string;
  /** What the importer understood: "A date", "A period", "Not understood", … */
  readonly kind: string;
  readonly understood: boolean;
  readonly dates: string;
}

/** An action's due as written, the kind the importer read it as, and its dates in UK format. */
export function dueSummary(due: PreviewJson['actions'][number]['due']): DueSummary {
  const dates = due.dates.map(ukDate);
  const first = dates[0];
  const last = dates[dates.length - 1];
  let datesText: string;
  if (first === undefined || last === undefined) datesText = 'No dates';
  else if (isWindow(due)) datesText = `${first} to ${last}`;
  else datesText = inWords(dates);
  return {
    asWritten: due.text ?? 'Not given',
    kind: isWindow(due) ? DUE_KIND_NAMES.range : DUE_KIND_NAMES[due.kind],
    understood: due.kind !== 'unknown',
    dates: datesText,
  };
}

/** A range, or a date due by the end of a window (a quarter: its first and last day). */
function isWindow(due: { readonly kind: DueKind; readonly dates: readonly unknown[] }): boolean {
  return (due.kind === 'range' || due.kind === 'date') && due.dates.length === 2;
}

/** "a", "a and b", "a, b and c". */
function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

const PROGRESS_STATUS_NAMES: Readonly<Record<string, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  ongoing: 'Ongoing',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
};

/** The importer's progress status in words; null when the narrative gave none. */
export function progressStatusName(status: string | null): string | null {
  return status === null ? null : (PROGRESS_STATUS_NAMES[status] ?? status);
}

export interface ActionView {
  readonly ref: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly due: DueSummary;
  readonly leads: readonly string[];
  readonly measures: readonly string[];
  readonly progress: readonly { readonly text: string; readonly status: string | null }[];
}

export interface ObjectiveView {
  readonly ref: string | null;
  readonly title: string;
  readonly measures: readonly string[];
  readonly actions: readonly ActionView[];
}

export interface PreviewSection {
  /** The group (a PSED aim, theme, priority); null for objectives under none. */
  readonly group: { readonly ref: string | null; readonly title: string } | null;
  readonly objectives: readonly ObjectiveView[];
}

export interface PreviewPage {
  readonly sections: readonly PreviewSection[];
  /** Actions the document put under no objective: a commit records them under "Other actions". */
  readonly otherActions: readonly ActionView[];
  readonly counts: { readonly groups: number; readonly objectives: number; readonly actions: number };
  readonly warnings: readonly string[];
}

function actionView(action: PreviewJsonAction): ActionView {
  return {
    ref: action.ref,
    title: action.title,
    description: action.description,
    due: dueSummary(action.due),
    leads: action.leads,
    measures: action.measures,
    progress: action.progress.map((entry) => ({ text: entry.text, status: progressStatusName(entry.status) })),
  };
}

/** An objective or group is named by its ref, or by its title when it has none (as the preview does). */
const keyOf = (item: { readonly ref: string | null; readonly title: string }): string => item.ref ?? item.title;

/**
 * The preview as the page shows it: groups in document order, each with its objectives and their
 * actions; objectives under no group last; actions under no known objective apart.
 */
export function previewPage(preview: PreviewJson): PreviewPage {
  const actionsByObjective = new Map<string, ActionView[]>();
  const objectiveKeys = new Set(preview.objectives.map(keyOf));
  const otherActions: ActionView[] = [];
  for (const action of preview.actions) {
    if (action.objective === null || !objectiveKeys.has(action.objective)) {
      otherActions.push(actionView(action));
      continue;
    }
    const list = actionsByObjective.get(action.objective) ?? [];
    list.push(actionView(action));
    actionsByObjective.set(action.objective, list);
  }
  const objectiveView = (objective: PreviewJsonObjective): ObjectiveView => ({
    ref: objective.ref,
    title: objective.title,
    measures: objective.measures,
    actions: actionsByObjective.get(keyOf(objective)) ?? [],
  });
  const groupKeys = new Set(preview.groups.map(keyOf));
  const sections: PreviewSection[] = preview.groups.map((group) => ({
    group: { ref: group.ref, title: group.title },
    objectives: preview.objectives.filter((objective) => objective.group === keyOf(group)).map(objectiveView),
  }));
  const ungrouped = preview.objectives.filter(
    (objective) => objective.group === null || !groupKeys.has(objective.group),
  );
  if (ungrouped.length > 0) sections.push({ group: null, objectives: ungrouped.map(objectiveView) });
  return {
    sections,
    otherActions,
    counts: { groups: preview.groups.length, objectives: preview.objectives.length, actions: preview.actions.length },
    warnings: preview.warnings,
  };
}

/** What each role means, for the column page's selects. */
export const COLUMN_ROLE_NAMES: Readonly<Record<ColumnRole, string>> = {
  ref: 'Reference number',
  group: 'Group (a theme, aim or priority above the objectives)',
  objective: 'Objective',
  action: 'Action',
  description: 'Description of the action',
  due: 'Due date',
  measure: 'Success measure',
  lead: 'Lead (team or officer)',
  progress: 'Progress update',
  status: 'Status',
  ignore: 'Ignore this column',
};

const READ_BY: Readonly<Record<NonNullable<PreviewColumn['by']>, string>> = {
  vocabulary: 'Recognised from its heading',
  mapping: 'As you chose',
  position: 'From its position in the table',
};

export interface ColumnChoice {
  /** The form field of this column's select. */
  readonly field: string;
  readonly header: string;
  /** The unnamed first column is always the reference column: it has no heading to map. */
  readonly editable: boolean;
  readonly readAs: string;
  readonly how: string;
  readonly items: readonly { readonly value: string; readonly text: string; readonly selected: boolean }[];
}

export const columnField = (index: number): string => `column-${index}`;

/** A select per column the importer found, prefilled with what it read the column as. */
export function columnChoices(columns: readonly PreviewColumn[]): ColumnChoice[] {
  return columns.map((column, index) => {
    const current: ColumnRole = column.role ?? 'ignore';
    return {
      field: columnField(index),
      header: column.header,
      editable: column.header.trim() !== '',
      readAs: column.role === null ? 'Not recognised' : COLUMN_ROLE_NAMES[column.role],
      how: column.by === null ? 'Not recognised, so ignored' : READ_BY[column.by],
      items: COLUMN_ROLES.map((role) => ({ value: role, text: COLUMN_ROLE_NAMES[role], selected: role === current })),
    };
  });
}

export type MappingFromForm =
  | { readonly ok: true; readonly mapping: ColumnMapping }
  | { readonly ok: false; readonly field: string; readonly message: string };

function isColumnRole(value: unknown): value is ColumnRole {
  return typeof value === 'string' && (COLUMN_ROLES as readonly string[]).includes(value);
}

/**
 * The column mapping a posted column form asks for: the mapping so far, plus every column whose
 * choice differs from what the importer read it as (a column already mapped keeps the choice made).
 */
export function mappingFromForm(
  columns: readonly PreviewColumn[],
  mappingSoFar: ColumnMapping,
  form: Readonly<Record<string, unknown>>,
): MappingFromForm {
  const mapping: Record<string, ColumnRole> = { ...mappingSoFar };
  for (const [index, column] of columns.entries()) {
    if (column.header.trim() === '') continue;
    const field = columnField(index);
    const chosen = form[field];
    if (!isColumnRole(chosen)) {
      return { ok: false, field, message: `Select what the column “${column.header}” holds` };
    }
    if (chosen !== (column.role ?? 'ignore') || column.by === 'mapping') mapping[column.header] = chosen;
  }
  return { ok: true, mapping };
}

const WAITING: Readonly<Partial<Record<ImportStatus, string>>> = {
  queued: 'Waiting to be read',
  parsing: 'Being read',
  committing: 'Being recorded',
};

/** While the job runs: the state and its progress in words, for the live region. */
export function progressText(status: ImportStatus, progress: number): string {
  const state = WAITING[status];
  if (state === undefined) return status === 'failed' ? 'Could not be read' : 'Read';
  return status === 'parsing' ? `${state}: ${progress}% done` : state;
}

export const isUnderWay = (status: ImportStatus): boolean =>
  status === 'queued' || status === 'parsing' || status === 'committing';

const STATUS_NAMES: Readonly<Record<ImportStatus, string>> = {
  queued: 'Waiting to be read',
  parsing: 'Being read',
  ready: 'Ready to check',
  failed: 'Could not be imported',
  committing: 'Being imported',
  committed: 'Imported',
};

/** An import's state in the list, as a govukTag. */
export function importStatusTag(status: ImportStatus): { readonly text: string; readonly classes: string } {
  const colour: Readonly<Record<ImportStatus, string>> = {
    queued: 'govuk-tag--grey',
    parsing: 'govuk-tag--grey',
    ready: 'govuk-tag--blue',
    failed: 'govuk-tag--red',
    committing: 'govuk-tag--grey',
    committed: 'govuk-tag--green',
  };
  return { text: STATUS_NAMES[status], classes: colour[status] };
}

/** `2024-04-01` → `1`, `4`, `2024`: how the date input shows a date. */
export function datePartsOf(isoDate: string): DateInputValues {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export type CheckedDate =
  | { readonly ok: true; readonly isoDate: string }
  | { readonly ok: false; readonly message: string; readonly parts: readonly (keyof DateInputValues)[] };

/**
 * A required date typed in a date input, read as the plan forms read theirs; `description` names it
 * ("the date the action plan starts").
 */
export function checkedDate(values: DateInputValues, description: string): CheckedDate {
  const read = readDateInput(values, description.charAt(0).toUpperCase() + description.slice(1));
  switch (read.kind) {
    case 'date':
      return { ok: true, isoDate: read.date };
    case 'empty':
      return { ok: false, message: `Enter ${description}`, parts: ['day', 'month', 'year'] };
    case 'invalid':
      return { ok: false, message: read.message, parts: read.parts };
  }
}

const ROW_ROLE_NAMES: Readonly<Record<OfficerRowRole, string>> = {
  group: 'A group (theme, priority, part)',
  objective: 'An objective or outcome',
  action: 'An action',
  continuation: 'Goes on from the row above',
  measure: 'A measure of the objective',
  ignore: 'Not part of the plan',
};

export type RowChoice = {
  readonly field: string;
  readonly at: string;
  readonly text: string;
  readonly why: string;
  readonly items: readonly { readonly value: string; readonly text: string; readonly selected: boolean }[];
};

export const rowField = (index: number): string => `row-${index}`;

/** A select per row of the document (not its header rows), prefilled with the role it was read as. */
export function rowChoices(rows: readonly PreviewRow[]): RowChoice[] {
  return rows.flatMap((row, index) => {
    const current = row.role;
    if (current === 'header') return [];
    return [
      {
        field: rowField(index),
        at: row.at,
        text: row.text.length > 200 ? `${row.text.slice(0, 199)}…` : row.text,
        why: row.by === 'officer' ? 'You set this' : `Read from the document: ${row.why}`,
        items: OFFICER_ROW_ROLES.map((role) => ({
          value: role,
          text: ROW_ROLE_NAMES[role],
          selected: role === current,
        })),
      },
    ];
  });
}

export type RowRolesFromForm =
  | { readonly ok: true; readonly rowRoles: Readonly<Record<string, OfficerRowRole>> }
  | { readonly ok: false; readonly field: string; readonly message: string };

function isRowRole(value: unknown): value is OfficerRowRole {
  return typeof value === 'string' && (OFFICER_ROW_ROLES as readonly string[]).includes(value);
}

/**
 * The row roles a posted rows form asks for: every row the officer set before, and every row whose
 * choice differs from what the importer read it as.
 */
export function rowRolesFromForm(
  rows: readonly PreviewRow[],
  form: Readonly<Record<string, unknown>>,
): RowRolesFromForm {
  const rowRoles: Record<string, OfficerRowRole> = {};
  for (const [index, row] of rows.entries()) {
    if (row.role === 'header') continue;
    const field = rowField(index);
    const chosen = form[field];
    if (!isRowRole(chosen)) return { ok: false, field, message: `Select what ${row.at} is` };
    if (chosen !== row.role || row.by === 'officer') rowRoles[row.at] = chosen;
  }
  return { ok: true, rowRoles };
}
