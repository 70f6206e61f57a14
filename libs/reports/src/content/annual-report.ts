import type { ActionDetail, Period, PlanAsOf, PsedAim } from '@due-regard/plans';
import { ACTION_DATA_COLUMNS, actionDataRow } from './progress-report.js';
import { paragraph, type ReportDocument, type ReportSection } from './report-document.js';
import { day, fileStemOf, financialYearWords, psedAimWords } from './wording.js';

/** A strategy as it stood at the report's instant, with its objectives' PSED aims. */
export interface AnnualStrategy {
  readonly title: string;
  readonly period: Period;
  readonly objectives: readonly {
    readonly ref: string | null;
    readonly title: string;
    readonly psedAims: readonly PsedAim[];
    readonly retired: boolean;
  }[];
}

/** What an annual equality report is built from: everything rebuilt from events up to its instant. */
export interface AnnualReportInput {
  readonly councilName: string;
  /** The financial year: 2024 is 1 April 2024 to 31 March 2025. */
  readonly year: number;
  /** The day the events were read up to: the year's last day, or today while the year runs. */
  readonly asOf: string;
  readonly strategies: readonly AnnualStrategy[];
  readonly plans: readonly { readonly plan: PlanAsOf; readonly actions: readonly ActionDetail[] }[];
}

export function financialYear(year: number): Period {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

/**
 * What the Public Sector Equality Duty's specific duties (England, SI 2017/353) ask a council to
 * publish, and what Due Regard does not record yet: each is named in the report, blank, so that an
 * officer sees what is missing before publishing.
 */
const INFORMATION_NOT_RECORDED: readonly { heading: string; asks: string }[] = [
  {
    heading: 'Equality information about people affected by the council’s policies and practices',
    asks: 'Information showing compliance with the general equality duty for the people the council serves (regulation 4(1) and (2)).',
  },
  {
    heading: 'Equality information about the council’s employees',
    asks: 'For a council with 150 or more employees, information about its employees who share protected characteristics (regulation 4(2)(a)).',
  },
  {
    heading: 'Gender pay gap',
    asks: 'The mean and median gender pay gap, bonus gaps and pay quarters (regulation 2 and Schedule 1 to the 2017 regulations).',
  },
  {
    heading: 'Engagement and consultation',
    asks: 'How the council engaged people who share protected characteristics in setting its objectives and plans.',
  },
];

const NOT_RECORDED = 'Not recorded in Due Regard: add this before publishing.';

type Happening = 'Completed' | 'Started' | 'Deferred' | 'Cancelled';

/** What happened to an action within the year: its completion, start, deferral or cancellation. */
function happenings(action: ActionDetail, year: Period): { what: Happening; on: string; narrative: string }[] {
  const within = action.progress.filter((entry) => entry.asOf >= year.from && entry.asOf <= year.to);
  const found: { what: Happening; on: string; narrative: string }[] = [];
  // Started: first reported under way (or continuing, for ongoing work) in the year, and not before it.
  const started = within.find(
    (entry) => entry.kind === 'progress' && (entry.status === 'in-progress' || entry.status === 'ongoing'),
  );
  const startedBefore = action.progress.some(
    (entry) => entry.asOf < year.from && entry.status !== 'not-started' && entry.kind === 'progress',
  );
  if (started !== undefined && !startedBefore) {
    found.push({ what: 'Started', on: started.asOf, narrative: started.narrative ?? '' });
  }
  const finals: Readonly<Record<'completed' | 'deferred' | 'cancelled', Happening>> = {
    completed: 'Completed',
    deferred: 'Deferred',
    cancelled: 'Cancelled',
  };
  for (const entry of within) {
    if (entry.kind !== 'progress')
      found.push({ what: finals[entry.kind], on: entry.asOf, narrative: entry.narrative ?? '' });
  }
  return found;
}

function objectivesSection(input: AnnualReportInput): ReportSection {
  return {
    heading: 'Equality objectives',
    blocks: input.strategies.length === 0 ? [paragraph(`No equality strategy was recorded. ${NOT_RECORDED}`)] : [],
    subsections: input.strategies.map((strategy) => ({
      heading: strategy.title,
      blocks: [
        paragraph(`From ${day(strategy.period.from)} to ${day(strategy.period.to)}.`),
        {
          kind: 'table',
          caption: `Objectives of ${strategy.title} and the aims of the general equality duty they serve`,
          columns: ['Ref', 'Objective', 'Aims of the general equality duty'],
          rows: strategy.objectives
            .filter((objective) => !objective.retired)
            .map((objective) => [objective.ref ?? '', objective.title, psedAimWords(objective.psedAims)]),
        },
      ],
      subsections: [],
    })),
  };
}

function progressSection(input: AnnualReportInput, year: Period): ReportSection {
  return {
    heading: `Progress in ${financialYearWords(input.year)}`,
    blocks: input.plans.length === 0 ? [paragraph(`No action plan was recorded. ${NOT_RECORDED}`)] : [],
    subsections: input.plans.map(({ plan, actions }) => {
      const rows = actions.flatMap((action) =>
        happenings(action, year).map(({ what, on, narrative }) => [
          action.ref ?? '',
          action.title,
          what,
          day(on),
          narrative,
        ]),
      );
      const counted = (what: Happening) => rows.filter((row) => row[2] === what).length;
      return {
        heading: plan.plan.title,
        blocks: [
          paragraph(
            `${counted('Completed')} actions completed, ${counted('Started')} started, ` +
              `${counted('Deferred')} deferred and ${counted('Cancelled')} cancelled in the year, ` +
              `of ${actions.length} actions in the plan.`,
          ),
          rows.length === 0
            ? paragraph('No action was completed, started, deferred or cancelled in the year.')
            : {
                kind: 'table',
                caption: `What happened to the actions of ${plan.plan.title} in ${financialYearWords(input.year)}`,
                columns: ['Ref', 'Action', 'What happened', 'When', 'Narrative'],
                rows,
              },
        ],
        subsections: [],
      };
    }),
  };
}

function measuresSection(input: AnnualReportInput): ReportSection {
  const rows = input.plans.flatMap(({ actions }) =>
    actions
      .filter((action) => action.successMeasures.length > 0)
      .map((action) => [action.ref ?? '', action.title, action.successMeasures.join('; '), 'None recorded']),
  );
  return {
    heading: 'Measures and their readings',
    blocks:
      rows.length === 0
        ? [paragraph(`No measures of success were recorded. ${NOT_RECORDED}`)]
        : [
            {
              kind: 'table',
              caption: 'How success is measured, and the readings recorded',
              columns: ['Ref', 'Action', 'How success is measured', 'Readings'],
              rows,
            },
          ],
    subsections: [],
  };
}

/** The annual equality report of a council for a financial year. */
export function annualReport(input: AnnualReportInput): ReportDocument {
  const year = financialYear(input.year);
  const years = financialYearWords(input.year);
  return {
    title: `${input.councilName}: annual equality report ${years}`,
    subtitle: `1 April ${input.year} to 31 March ${input.year + 1}, as recorded at the end of ${day(input.asOf)}`,
    language: 'en-GB',
    sections: [
      objectivesSection(input),
      progressSection(input, year),
      measuresSection(input),
      {
        heading: 'Accreditations held',
        blocks: [paragraph(`None recorded. ${NOT_RECORDED}`)],
        subsections: [],
      },
      {
        heading: 'Published information',
        blocks: [
          paragraph('What the specific duties ask the council to publish each year, with what is not yet provided.'),
        ],
        subsections: INFORMATION_NOT_RECORDED.map(({ heading, asks }) => ({
          heading,
          blocks: [paragraph(asks), paragraph(NOT_RECORDED)],
          subsections: [],
        })),
      },
    ],
    data: {
      sheetName: 'Actions',
      columns: ACTION_DATA_COLUMNS,
      rows: input.plans.flatMap(({ plan, actions }) => {
        const objectives = new Map(
          (plan.strategy?.objectives ?? []).map((objective) => [objective.objectiveId, objective]),
        );
        return actions.map((action) =>
          actionDataRow(plan.plan.title, objectives.get(action.objectiveId) ?? null, action, input.asOf),
        );
      }),
    },
    fileStem: fileStemOf(input.councilName, 'annual equality report', years),
  };
}
