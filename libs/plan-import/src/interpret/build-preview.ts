import type { Due } from '@due-regard/plans';

import type {
  DueRevision,
  PreviewAction,
  PreviewColumn,
  PreviewGroup,
  PreviewObjective,
  PreviewProgress,
  PreviewWarning,
} from '../preview.js';
import {
  BULLET,
  endsMidPhrase,
  flat,
  isBulletOnly,
  joinLines,
  listStructure,
  quote,
  startsLowercase,
} from './cell-text.js';
import { NO_DUE, type DueReader } from './due.js';
import { fieldRole, type ActionDraft, type Interpretation, type SectionDraft } from './interpreter.js';
import { normaliseHeading } from './vocabulary.js';
import { knownLeads, splitLeads } from './leads.js';
import { inferStatus, readRevision, sentences } from './progress.js';

export type BuiltPlan = {
  readonly columns: PreviewColumn[];
  readonly unmappedColumns: string[];
  readonly groups: PreviewGroup[];
  readonly objectives: PreviewObjective[];
  readonly actions: PreviewAction[];
  readonly warnings: PreviewWarning[];
};

/** The label most headings of a level use ("PEO"), restored where the copy lost it. */
function dominantLabel(sections: readonly SectionDraft[]): string | null {
  const counts = new Map<string, { label: string; count: number }>();
  for (const section of sections) {
    if (section.label === null) continue;
    const key = section.label.toLowerCase();
    const entry = counts.get(key) ?? { label: section.label, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  let best: { label: string; count: number } | null = null;
  for (const entry of counts.values()) if (best === null || entry.count > best.count) best = entry;
  return best === null ? null : best.label;
}

function refOf(section: SectionDraft, label: string | null): string | null {
  if (section.key === null) return null;
  return label === null ? section.key : `${label} ${section.key}`;
}

/**
 * Measures as separate statements: list items and lines (a line continuing mid-phrase joins the one
 * before), then the sentences of each.
 */
export function splitMeasures(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const bulleted = raw.startsWith(BULLET);
    const line = (bulleted ? raw.slice(BULLET.length) : raw).trim();
    if (line === '' || isBulletOnly(line)) continue;
    const previous = lines[lines.length - 1];
    if (previous !== undefined && !bulleted && (endsMidPhrase(previous) || startsLowercase(line))) {
      lines[lines.length - 1] = joinLines(previous, line);
    } else {
      lines.push(line);
    }
  }
  return lines
    .filter((line) => !line.endsWith(':'))
    .flatMap((line) => sentences(line))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The longest start of the words that reads as a due ("December 2025 after consultation" → "December 2025"). */
function readLeadingDue(due: DueReader, text: string): Due {
  const words = text.split(' ');
  for (let count = words.length; count >= 1; count -= 1) {
    const candidate = due.read(
      words
        .slice(0, count)
        .join(' ')
        .replace(/[,;:]+$/, ''),
    );
    if (candidate.kind !== 'unknown') return candidate;
  }
  return due.read(text);
}

function fieldsOf(action: ActionDraft, role: string): string[] {
  return [...action.fields.entries()]
    .filter(([key]) => fieldRole(key) === role)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, value]) => value)
    .filter((value) => value.trim() !== '');
}

function columnsOf(interpretation: Interpretation): { columns: PreviewColumn[]; unmapped: string[] } {
  const seen = new Set<string>();
  const columns: PreviewColumn[] = [];
  for (const layout of interpretation.layouts) {
    for (const column of layout.columns) {
      if (column.header === '' && column.role === null) continue;
      const key = `${normaliseHeading(column.header)}=${column.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push({ header: column.header, role: column.role, by: column.by });
    }
  }
  const unmapped = [...new Set(columns.filter((column) => column.role === null).map((column) => column.header))];
  return { columns, unmapped };
}

type ActionParts = {
  readonly draft: ActionDraft;
  readonly ref: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly measures: string[];
};

/** One action per action point when the action cell is a list; the rest of the row is shared. */
function splitActionPoints(
  draft: ActionDraft,
  objective: SectionDraft | null,
  warnings: PreviewWarning[],
): ActionParts[] {
  const actionText = fieldsOf(draft, 'action').join('\n');
  const descriptionText = fieldsOf(draft, 'description').join('\n');
  const measures = fieldsOf(draft, 'measure')
    .filter((_, index) => index >= 0)
    .flatMap((text) => splitMeasures(text));
  const description = descriptionText === '' ? null : flat(descriptionText);
  const structure = listStructure(actionText);
  if (structure.items.length < 2) {
    const title = flat(actionText);
    if (title === '') return [{ draft, ref: draft.ref, title: description ?? '', description: null, measures }];
    return [{ draft, ref: draft.ref, title, description, measures }];
  }
  const points = structure.items;
  const leadIn = structure.leadIn;
  const sharedDescription = [leadIn, description]
    .filter((part): part is string => part !== null && part !== '')
    .join(' ');
  const name = draft.ref ?? quote(points[0] ?? '', 30);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let perPoint: (string[] | null)[] = points.map(() => null);
  if (measures.length === points.length) {
    perPoint = measures.map((measure) => [measure]);
  } else if (measures.length > 0 && objective !== null) {
    objective.measures.push(...fieldsOf(draft, 'measure'));
    warnings.push({
      at: draft.at,
      message: `action ${name} lists ${points.length} action points and ${measures.length} measures: the measures were given to the objective`,
    });
  }
  warnings.push({
    at: draft.at,
    message: `action ${name} lists ${points.length} action points in one cell: imported as ${points.length} actions`,
  });
  return points.map((point, index) => ({
    draft,
    ref: draft.ref === null ? null : `${draft.ref}${letters[index] ?? String(index + 1)}`,
    title: point,
    description: sharedDescription === '' ? null : sharedDescription,
    measures: perPoint[index] ?? (objective === null ? measures : []),
  }));
}

export function buildPreview(interpretation: Interpretation, due: DueReader): BuiltPlan {
  const warnings: PreviewWarning[] = [...interpretation.warnings];
  const hasObjectives = interpretation.sections.some((section) => section.level === 2);
  const objectiveSections = interpretation.sections.filter((section) => section.level === (hasObjectives ? 2 : 1));
  const groupSections = hasObjectives ? interpretation.sections.filter((section) => section.level === 1) : [];
  const objectiveLabel = dominantLabel(objectiveSections);
  const groupLabel = dominantLabel(groupSections);

  const groupName = (section: SectionDraft): string => refOf(section, groupLabel) ?? section.title;
  const objectiveTitle = (section: SectionDraft): string =>
    section.title !== '' ? section.title : `${objectiveLabel ?? 'Objective'} ${section.key ?? ''}`.trim();
  const objectiveName = (section: SectionDraft): string => refOf(section, objectiveLabel) ?? objectiveTitle(section);
  const objectiveOf = (draft: ActionDraft): SectionDraft | null => {
    const section = draft.section;
    if (section === null) return null;
    if (section.level === (hasObjectives ? 2 : 1)) return section;
    return null;
  };

  const known = knownLeads(interpretation.actions.flatMap((draft) => fieldsOf(draft, 'lead')));
  const parts: ActionParts[] = [];
  for (const draft of interpretation.actions) {
    for (const part of splitActionPoints(draft, objectiveOf(draft), warnings)) {
      if (part.title === '') {
        warnings.push({
          at: draft.at,
          message: `a row ${draft.ref === null ? '' : `(${draft.ref}) `}has no action text: ignored`,
        });
        continue;
      }
      parts.push(part);
    }
  }

  // A measure cell merged over every action of an objective is the objective's measure.
  const sharedMeasures = new Map<SectionDraft, Map<number, { text: string[]; count: number }>>();
  for (const part of parts) {
    const objective = objectiveOf(part.draft);
    if (objective === null) continue;
    for (const [key, origin] of part.draft.sharedFields) {
      if (fieldRole(key) !== 'measure') continue;
      const byOrigin = sharedMeasures.get(objective) ?? new Map<number, { text: string[]; count: number }>();
      const entry = byOrigin.get(origin) ?? { text: splitMeasures(part.draft.fields.get(key) ?? ''), count: 1 };
      entry.count += 1;
      byOrigin.set(origin, entry);
      sharedMeasures.set(objective, byOrigin);
    }
  }
  const promoted = new Set<string>();
  for (const [objective, byOrigin] of sharedMeasures) {
    const total = parts.filter((part) => objectiveOf(part.draft) === objective).length;
    for (const entry of byOrigin.values()) {
      if (entry.count < total || total < 2) continue;
      objective.measures.push(entry.text.join('\n'));
      for (const text of entry.text) promoted.add(`${objective.id}:${text}`);
    }
  }

  const actions: PreviewAction[] = parts.map((part) => {
    const { draft } = part;
    const objective = objectiveOf(draft);
    const measures = part.measures.filter(
      (measure) => objective === null || !promoted.has(`${objective.id}:${measure}`),
    );
    const dueText = flat(fieldsOf(draft, 'due').join(' '));
    const name = part.ref ?? quote(part.title, 30);
    let actionDue: Due = dueText === '' ? NO_DUE : due.read(dueText);
    let dueSource: PreviewAction['dueSource'] = dueText === '' ? null : 'column';
    if (dueText === '') {
      const candidates = [...measures].reverse().concat(part.description ?? [], part.title);
      for (const candidate of candidates) {
        const found = due.trailingDue(candidate);
        if (found === null) continue;
        actionDue = found;
        dueSource = 'text';
        warnings.push({
          at: draft.at,
          message: `action ${name}: due ${quote(found.text ?? '')} read from the end of ${quote(candidate, 40)}`,
        });
        break;
      }
    } else if (actionDue.kind === 'unknown') {
      warnings.push({ at: draft.at, message: `action ${name}: due ${quote(dueText)} not understood; kept as written` });
    }

    const progress: PreviewProgress[] = fieldsOf(draft, 'progress').map((text) => {
      const value = flat(text);
      return { text: value, status: inferStatus(value) };
    });
    const statusText = flat(fieldsOf(draft, 'status').join(' '));
    if (statusText !== '') {
      const status = inferStatus(statusText);
      const last = progress[progress.length - 1];
      if (last !== undefined && last.status === null) progress[progress.length - 1] = { text: last.text, status };
      else if (last === undefined) progress.push({ text: statusText, status });
    }
    const dueRevisions: DueRevision[] = [];
    for (const entry of progress) {
      const revision = readRevision(entry.text);
      if (revision !== null) dueRevisions.push({ note: revision.note, due: readLeadingDue(due, revision.dueText) });
    }
    const leads = fieldsOf(draft, 'lead').flatMap((text) => splitLeads(text, known));
    const status = [...progress].reverse().find((entry) => entry.status !== null)?.status ?? null;
    return {
      ref: part.ref,
      objective: objective === null ? null : objectiveName(objective),
      title: part.title,
      description: part.description,
      due: actionDue,
      dueSource,
      dueRevisions,
      measures,
      leads: [...new Set(leads)],
      progress,
      status,
      at: draft.at,
    };
  });

  const groups: PreviewGroup[] = groupSections.map((section) => ({
    ref: refOf(section, groupLabel),
    title: section.title,
    at: section.at,
  }));
  const objectives: PreviewObjective[] = objectiveSections.map((section) => ({
    ref: refOf(section, objectiveLabel),
    title: objectiveTitle(section),
    group: section.parent === null || !hasObjectives ? null : groupName(section.parent),
    measures: [...new Set(section.measures.flatMap((text) => splitMeasures(text)))],
    at: section.at,
  }));
  const { columns, unmapped } = columnsOf(interpretation);
  return { columns, unmappedColumns: unmapped, groups, objectives, actions, warnings };
}
