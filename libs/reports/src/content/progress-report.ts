import {
  ACTION_STATUSES,
  isOverdue,
  RAG_RATINGS,
  type ActionDetail,
  type ObjectiveAsOf,
  type PlanAsOf,
} from '@due-regard/plans';
import { paragraph, type ReportData, type ReportDocument, type ReportSection } from './report-document.js';
import { day, dueAsUnderstood, dueAsWritten, fileStemOf, RAG_WORDS, revisionWords, STATUS_WORDS } from './wording.js';

/** What a progress report is built from: everything rebuilt from events up to its instant. */
export interface ProgressReportInput {
  readonly councilName: string;
  /** The day the report is as of. */
  readonly asOf: string;
  /** The plan as it stood at the report's instant. */
  readonly plan: PlanAsOf;
  /** Each of its actions then, with their dated record, in the plan's order. */
  readonly actions: readonly ActionDetail[];
  /** The plan as it stood at the end of the "since" day, when changes since then are asked for. */
  readonly since: { readonly day: string; readonly instant: string; readonly plan: PlanAsOf | null } | null;
}

/** The columns of the data (CSV, XLSX, ODS): one row per action, in progress and annual reports alike. */
export const ACTION_DATA_COLUMNS = [
  'Plan',
  'Objective ref',
  'Objective',
  'Action ref',
  'Action',
  'Due as written',
  'Due as understood',
  'Leads',
  'Status',
  'RAG',
  'Overdue',
  'Latest progress',
  'Progress date',
] as const;

const ACTION_TABLE_COLUMNS = [
  'Ref',
  'Action',
  'Due as written',
  'Due as understood',
  'Leads',
  'Status',
  'RAG',
  'Latest progress',
  'Progress date',
];

/** The latest entry of the action's dated record: progress, completion, deferral or cancellation. */
function latestEntry(action: ActionDetail): ActionDetail['progress'][number] | null {
  return action.progress.at(-1) ?? null;
}

function overdue(action: ActionDetail, asOf: string): boolean {
  return isOverdue({ status: action.status, dueFinal: action.due.finalDate }, asOf);
}

/** Completed by its last due date (or completed with no such date to miss). */
function completedOnTime(action: ActionDetail): boolean | null {
  if (action.status !== 'completed') return null;
  const completion = action.progress.findLast((entry) => entry.kind === 'completed');
  if (completion === undefined || action.due.finalDate === null) return true;
  return completion.asOf <= action.due.finalDate;
}

function objectiveHeading(objective: Pick<ObjectiveAsOf, 'ref' | 'title'>): string {
  return objective.ref === null ? objective.title : `${objective.ref} ${objective.title}`;
}

function statusCell(action: ActionDetail, asOf: string): string {
  const status = STATUS_WORDS[action.status];
  return overdue(action, asOf) ? `${status} (overdue)` : status;
}

/** One row per action of the data, shared with the annual report. */
export function actionDataRow(
  planTitle: string,
  objective: Pick<ObjectiveAsOf, 'ref' | 'title'> | null,
  action: ActionDetail,
  asOf: string,
): string[] {
  const latest = latestEntry(action);
  return [
    planTitle,
    objective?.ref ?? '',
    objective?.title ?? '',
    action.ref ?? '',
    action.title,
    dueAsWritten(action),
    dueAsUnderstood(action),
    action.leads.join('; '),
    STATUS_WORDS[action.status],
    RAG_WORDS[action.rag],
    overdue(action, asOf) ? 'Yes' : 'No',
    latest?.narrative ?? '',
    latest === null ? '' : latest.asOf,
  ];
}

function summarySection(input: ProgressReportInput): ReportSection {
  const { actions, asOf } = input;
  const count = (predicate: (action: ActionDetail) => boolean): string => String(actions.filter(predicate).length);
  return {
    heading: 'Summary',
    blocks: [
      paragraph(`${actions.length} actions as of ${day(asOf)}.`),
      {
        kind: 'table',
        caption: 'Actions by status',
        columns: ['Status', 'Actions'],
        rows: ACTION_STATUSES.map((status) => [STATUS_WORDS[status], count((action) => action.status === status)]),
      },
      {
        kind: 'table',
        caption: 'Actions by RAG rating',
        columns: ['RAG rating', 'Actions'],
        rows: RAG_RATINGS.map((rag) => [RAG_WORDS[rag], count((action) => action.rag === rag)]),
      },
      {
        kind: 'table',
        caption: 'Actions overdue and completed on time',
        columns: ['Measure', 'Actions'],
        rows: [
          ['Overdue (due date passed, not finished)', count((action) => overdue(action, asOf))],
          ['Completed on time', count((action) => completedOnTime(action) === true)],
          ['Completed late', count((action) => completedOnTime(action) === false)],
        ],
      },
    ],
    subsections: [],
  };
}

function objectiveSections(input: ProgressReportInput): ReportSection[] {
  const objectives = input.plan.strategy?.objectives ?? [];
  const known = new Set(objectives.map((objective) => objective.objectiveId));
  const groups: { heading: string; actions: readonly ActionDetail[] }[] = objectives.map((objective) => ({
    heading: objectiveHeading(objective),
    actions: input.actions.filter((action) => action.objectiveId === objective.objectiveId),
  }));
  const unplaced = input.actions.filter((action) => !known.has(action.objectiveId));
  if (unplaced.length > 0) groups.push({ heading: 'Actions under no objective of the strategy', actions: unplaced });
  return groups
    .filter((group) => group.actions.length > 0)
    .map(({ heading, actions }) => ({
      heading,
      blocks: [
        {
          kind: 'table' as const,
          caption: `Actions under ${heading}`,
          columns: ACTION_TABLE_COLUMNS,
          rows: actions.map((action) => {
            const latest = latestEntry(action);
            return [
              action.ref ?? '',
              action.title,
              dueAsWritten(action),
              dueAsUnderstood(action),
              action.leads.join('; '),
              statusCell(action, input.asOf),
              RAG_WORDS[action.rag],
              latest?.narrative ?? 'None recorded',
              latest === null ? '' : day(latest.asOf),
            ];
          }),
        },
      ],
      subsections: [],
    }));
}

/** What changed between the end of the "since" day and the report's instant, action by action. */
function changesSection(input: ProgressReportInput): ReportSection | null {
  const { since } = input;
  if (since === null) return null;
  const before = new Map((since.plan?.actions ?? []).map((action) => [action.actionId, action]));
  const changes: string[] = [];
  for (const action of input.actions) {
    const name = action.ref === null ? action.title : `${action.ref} ${action.title}`;
    const then = before.get(action.id);
    if (then === undefined) {
      changes.push(`${name}: added`);
    } else {
      if (then.status !== action.status) {
        changes.push(`${name}: status changed from ${STATUS_WORDS[then.status]} to ${STATUS_WORDS[action.status]}`);
      }
      if (then.rag !== action.rag) {
        changes.push(`${name}: RAG rating changed from ${RAG_WORDS[then.rag]} to ${RAG_WORDS[action.rag]}`);
      }
    }
    for (const revision of action.dueRevisions.filter((entry) => entry.recordedAt > since.instant)) {
      changes.push(`${name}: due ${revisionWords(revision).replace(/^Revised/, 'revised')}`);
    }
    for (const entry of action.progress.filter((recorded) => recorded.recordedAt > since.instant)) {
      const said = entry.narrative === null ? '' : `: ${entry.narrative}`;
      changes.push(`${name}: ${STATUS_WORDS[entry.status].toLowerCase()} as of ${day(entry.asOf)}${said}`);
    }
  }
  return {
    heading: `Changes since ${day(since.day)}`,
    blocks: changes.length === 0 ? [paragraph('Nothing changed.')] : [{ kind: 'list', items: changes }],
    subsections: [],
  };
}

/** The progress report of one plan as of a day: per objective, each action; summary figures; changes since. */
export function progressReport(input: ProgressReportInput): ReportDocument {
  const { plan, strategy } = input.plan;
  const objectives = new Map((strategy?.objectives ?? []).map((objective) => [objective.objectiveId, objective]));
  const data: ReportData = {
    sheetName: 'Actions',
    columns: ACTION_DATA_COLUMNS,
    rows: input.actions.map((action) =>
      actionDataRow(plan.title, objectives.get(action.objectiveId) ?? null, action, input.asOf),
    ),
  };
  const about: ReportSection = {
    heading: 'About this report',
    blocks: [
      paragraph(
        `${plan.title} runs from ${day(plan.period.from)} to ${day(plan.period.to)}` +
          (strategy === null ? '.' : ` under ${strategy.title}.`),
      ),
      paragraph(
        `This report shows the plan as it stood at the end of ${day(input.asOf)}, rebuilt from ` +
          `${input.councilName}'s recorded history up to then.`,
      ),
    ],
    subsections: [],
  };
  const changes = changesSection(input);
  return {
    title: `${plan.title}: progress report`,
    subtitle: `${input.councilName}, as of ${day(input.asOf)}`,
    language: 'en-GB',
    sections: [about, summarySection(input), ...objectiveSections(input), ...(changes === null ? [] : [changes])],
    data,
    fileStem: fileStemOf(plan.title, 'progress', input.asOf),
  };
}
