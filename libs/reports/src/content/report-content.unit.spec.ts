import type { ReportDocument, ReportSection, ReportTable } from './report-document.js';
import { annualReport } from './annual-report.js';
import { progressReport } from './progress-report.js';
import { samplePlan } from '../testing/sample-plan.js';

function section(document: ReportDocument, heading: string): ReportSection {
  const found = [...document.sections, ...document.sections.flatMap((top) => top.subsections)].find(
    (candidate) => candidate.heading === heading,
  );
  if (found === undefined)
    throw new Error(`No section "${heading}" in ${document.sections.map((s) => s.heading).join(', ')}`);
  return found;
}

function table(content: ReportSection, caption: string): ReportTable {
  const found = content.blocks.find(
    (block): block is ReportTable => block.kind === 'table' && block.caption === caption,
  );
  if (found === undefined) throw new Error(`No table "${caption}"`);
  return found;
}

describe('a progress report', () => {
  const { plan, details } = samplePlan(10);
  const report = progressReport({
    councilName: 'Charnwood Borough Council',
    asOf: '2025-06-30',
    plan,
    actions: details,
    since: null,
  });

  it('is titled for the plan and the day it is as of', () => {
    expect(report.title).toBe('Equality Strategy Action Plan 2024-2026: progress report');
    expect(report.subtitle).toBe('Charnwood Borough Council, as of 30 June 2025');
  });

  it('counts by status and RAG, overdue, and completed on time', () => {
    const summary = section(report, 'Summary');
    expect(table(summary, 'Actions by status').rows).toEqual([
      ['Not started', '2'],
      ['In progress', '2'],
      ['Completed', '2'],
      ['Ongoing', '2'],
      ['Deferred', '2'],
      ['Cancelled', '0'],
    ]);
    expect(table(summary, 'Actions by RAG rating').rows).toEqual([
      ['Red', '2'],
      ['Amber', '3'],
      ['Green', '3'],
      ['Not rated', '2'],
    ]);
    // Due 31 March 2025: as of 30 June 2025 every action neither completed nor cancelled is overdue (its due is a date).
    expect(table(summary, 'Actions overdue and completed on time').rows).toEqual([
      ['Overdue (due date passed, not finished)', '8'],
      ['Completed on time', '2'],
      ['Completed late', '0'],
    ]);
  });

  it("lists each objective's actions with the due as written and as understood, revisions and reasons, and overdue marked", () => {
    const first = section(report, 'PEO 1 Objective 1: fair services for everyone');
    const actions = table(first, 'Actions under PEO 1 Objective 1: fair services for everyone');
    expect(actions.columns).toEqual([
      'Ref',
      'Action',
      'Due as written',
      'Due as understood',
      'Leads',
      'Status',
      'RAG',
      'Latest progress',
      'Progress date',
    ]);
    expect(actions.rows.map((row) => row[0])).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(actions.rows[0]).toEqual([
      '1.1',
      details[0]?.title,
      'March 2025',
      'By 31 March 2025',
      'Human Resources',
      'Not started (overdue)',
      'Green',
      'None recorded',
      '',
    ]);
    const second = section(report, 'PEO 2 Objective 2: fair services for everyone');
    expect(table(second, 'Actions under PEO 2 Objective 2: fair services for everyone').rows[0]).toEqual([
      '2.1',
      details[1]?.title,
      'March 2025',
      'By 31 March 2025. Revised from December 2024 to March 2025 on 2 November 2024: The venue was not available',
      'Human Resources',
      'In progress (overdue)',
      'Amber',
      'Progress to date on action 2',
      '30 September 2024',
    ]);
  });

  it('has one data row per action', () => {
    expect(report.data.rows).toHaveLength(10);
    expect(report.data.rows[2]).toEqual([
      'Equality Strategy Action Plan 2024-2026',
      'PEO 3',
      'Objective 3: fair services for everyone',
      '3.1',
      details[2]?.title,
      'March 2025',
      'By 31 March 2025',
      'Human Resources',
      'Completed',
      'Red',
      'No',
      'Progress to date on action 3',
      '2024-09-30',
    ]);
  });

  it('says what changed since a second day: actions added, statuses and ratings changed, progress and revisions recorded', () => {
    const before = samplePlan(2).plan;
    const withChanges = progressReport({
      councilName: 'Charnwood Borough Council',
      asOf: '2025-06-30',
      plan,
      actions: details.slice(0, 3),
      since: {
        day: '2024-06-30',
        instant: '2024-06-30T22:59:59.999Z',
        plan: {
          ...before,
          actions: before.actions.map((action) => ({ ...action, status: 'not-started', rag: 'none' })),
        },
      },
    });
    const changes = section(withChanges, 'Changes since 30 June 2024').blocks[0];
    expect(changes).toEqual({
      kind: 'list',
      items: [
        `1.1 ${details[0]?.title}: RAG rating changed from Not rated to Green`,
        `2.1 ${details[1]?.title}: status changed from Not started to In progress`,
        `2.1 ${details[1]?.title}: RAG rating changed from Not rated to Amber`,
        `2.1 ${details[1]?.title}: due revised from December 2024 to March 2025 on 2 November 2024: The venue was not available`,
        `2.1 ${details[1]?.title}: in progress as of 30 September 2024: Progress to date on action 2`,
        `3.1 ${details[2]?.title}: added`,
        `3.1 ${details[2]?.title}: completed as of 30 September 2024: Progress to date on action 3`,
      ],
    });
  });
});

describe('an annual equality report', () => {
  const { plan, details } = samplePlan(6);

  it('names every section, blank ones too, so an officer sees what is missing', () => {
    const empty = annualReport({
      councilName: 'Charnwood Borough Council',
      year: 2024,
      asOf: '2025-03-31',
      strategies: [],
      plans: [],
    });
    expect(empty.title).toBe('Charnwood Borough Council: annual equality report 2024 to 2025');
    expect(empty.sections.map((content) => content.heading)).toEqual([
      'Equality objectives',
      'Progress in 2024 to 2025',
      'Measures and their readings',
      'Accreditations held',
      'Published information',
    ]);
    expect(section(empty, 'Accreditations held').blocks).toEqual([
      { kind: 'paragraph', text: 'None recorded. Not recorded in Due Regard: add this before publishing.' },
    ]);
    expect(section(empty, 'Published information').subsections.map((content) => content.heading)).toEqual([
      'Equality information about people affected by the council’s policies and practices',
      'Equality information about the council’s employees',
      'Gender pay gap',
      'Engagement and consultation',
    ]);
  });

  it("gives the objectives with their aims and what happened to each plan's actions in the year", () => {
    const report = annualReport({
      councilName: 'Charnwood Borough Council',
      year: 2024,
      asOf: '2025-03-31',
      strategies: [
        {
          title: 'Equality Strategy 2024-2028',
          period: { from: '2024-04-01', to: '2028-03-31' },
          objectives: [{ ref: 'PEO 1', title: 'Fair services', psedAims: ['foster-good-relations'], retired: false }],
        },
      ],
      plans: [{ plan, actions: details }],
    });
    expect(
      table(
        section(report, 'Equality Strategy 2024-2028'),
        'Objectives of Equality Strategy 2024-2028 and the aims of the general equality duty they serve',
      ).rows,
    ).toEqual([
      [
        'PEO 1',
        'Fair services',
        'Foster good relations between people who share a relevant protected characteristic and those who do not',
      ],
    ]);
    const progress = section(report, 'Equality Strategy Action Plan 2024-2026');
    expect(progress.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '1 actions completed, 2 started, 1 deferred and 0 cancelled in the year, of 6 actions in the plan.',
    });
    expect(report.data.rows).toHaveLength(6);
  });
});
