import { DEMO_DOCUMENTS, demoDocumentLines } from '../testing/demo-documents.js';
import { inferImportDefaults, type DefaultsInput } from './import-defaults.js';
import { actionStatusOf } from './progress-status.js';

const TODAY = '2026-11-23';
const given = (input: Partial<DefaultsInput>): DefaultsInput => ({
  lines: [],
  fileName: 'plan.docx',
  dueDates: [],
  today: TODAY,
  ...input,
});

describe('titles and periods read from a document', () => {
  it("reads Charnwood's 2024-2026 plan under its 2024-2028 strategy, in financial years", () => {
    const lines = demoDocumentLines(DEMO_DOCUMENTS.charnwood2024);
    expect(inferImportDefaults(given({ lines, fileName: DEMO_DOCUMENTS.charnwood2024 }))).toEqual({
      planTitle: 'Equality Strategy Action Plan 2024 – 2026',
      planPeriod: { from: '2024-04-01', to: '2026-03-31' },
      strategyTitle: 'Equality Strategy 2024-2028',
      strategyPeriod: { from: '2024-04-01', to: '2028-03-31' },
      periodSource: 'document',
    });
  });

  it("reads Charnwood's 2016-2018 plan under its 2016-2020 strategy, named in a sentence", () => {
    const lines = demoDocumentLines(DEMO_DOCUMENTS.charnwood2016);
    expect(inferImportDefaults(given({ lines }))).toMatchObject({
      planTitle: 'Charnwood Borough Council Equality Strategy Action Plan 2016-2018',
      planPeriod: { from: '2016-04-01', to: '2018-03-31' },
      strategyTitle: 'Equality Strategy 2016-2020',
      strategyPeriod: { from: '2016-04-01', to: '2020-03-31' },
    });
  });

  it("reads Leicestershire's strategy, whose plan runs as long as it, and not its corporate Strategic Plan", () => {
    const lines = demoDocumentLines(DEMO_DOCUMENTS.leicestershire);
    expect(inferImportDefaults(given({ lines }))).toMatchObject({
      strategyTitle: 'Equality, Diversity and Inclusion Strategy 2024-2028',
      strategyPeriod: { from: '2024-04-01', to: '2028-03-31' },
      planTitle: 'Equality, Diversity and Inclusion Action Plan 2024-2028',
      planPeriod: { from: '2024-04-01', to: '2028-03-31' },
    });
  });

  it('reads a financial year written "2023/24" and a two-digit end year', () => {
    expect(inferImportDefaults(given({ lines: ['EDI Action Plan 2023/24'] })).planPeriod).toEqual({
      from: '2023-04-01',
      to: '2024-03-31',
    });
    expect(inferImportDefaults(given({ lines: ['Equality Objectives 2025-29'] }))).toMatchObject({
      planTitle: 'Equality Objectives 2025-29',
      planPeriod: { from: '2025-04-01', to: '2029-03-31' },
      strategyTitle: 'Equality strategy 2025-2029',
    });
  });

  it('ignores dates that only look like ranges', () => {
    const lines = ['Reviewed on 2024-06-30', 'Equality action plan for 2025 to 2027'];
    expect(inferImportDefaults(given({ lines })).planPeriod).toEqual({ from: '2025-04-01', to: '2027-03-31' });
  });

  it('falls back to the file name, then to the financial years the due dates fall in, then to this year', () => {
    expect(inferImportDefaults(given({ fileName: 'edi_action_plan_2022_2024.xlsx' }))).toMatchObject({
      planTitle: 'Edi action plan 2022-2024',
      planPeriod: { from: '2022-04-01', to: '2024-03-31' },
      periodSource: 'file-name',
    });
    expect(
      inferImportDefaults(given({ fileName: 'plan.csv', dueDates: ['2025-06-30', '2025-03-31', '2026-09-30'] })),
    ).toMatchObject({
      planTitle: 'Plan',
      planPeriod: { from: '2024-04-01', to: '2027-03-31' },
      periodSource: 'due-dates',
    });
    expect(inferImportDefaults(given({ fileName: '2024.txt' }))).toMatchObject({
      planPeriod: { from: '2026-04-01', to: '2027-03-31' },
      periodSource: 'today',
      planTitle: 'Action plan 2026-2027',
    });
  });
});

describe('progress statuses', () => {
  it("maps the importer's snake_case statuses to the plans domain's, and a narrative without one to in progress", () => {
    expect(
      (['not_started', 'in_progress', 'completed', 'ongoing', 'deferred', 'cancelled', null] as const).map(
        actionStatusOf,
      ),
    ).toEqual(['not-started', 'in-progress', 'completed', 'ongoing', 'deferred', 'cancelled', 'in-progress']);
  });
});
