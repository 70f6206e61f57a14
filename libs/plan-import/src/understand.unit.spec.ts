import { parsePlanDocument, PlanImportError, type PlanPreview } from './index.js';
import { textBytes } from './testing/documents.js';
import { readLabel } from './understand/labels.js';
import { readDocumentContext } from './understand/document-context.js';

function read(text: string): Promise<PlanPreview> {
  return parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes(text) });
}

describe('labels', () => {
  it.each([
    ['Priority A: Knowing our communities', 'group', 'Priority A', 'Knowing our communities'],
    ['THEME 1 – UNDERSTANDING OUR COMMUNITIES', 'group', 'THEME 1', 'UNDERSTANDING OUR COMMUNITIES'],
    [
      'Part B – Glenmorrow Council as Education Authority',
      'group',
      'Part B',
      'Glenmorrow Council as Education Authority',
    ],
    ['Objective 2: Communities are involved', 'objective', 'Objective 2', 'Communities are involved'],
    ['Outcome 4: Children feel included', 'objective', 'Outcome 4', 'Children feel included'],
    ['Equality Objective Two: Our housing services', 'objective', 'Equality Objective Two', 'Our housing services'],
    ['EQ3', 'objective', 'EQ3', ''],
    ['PEO 1: Fair services', 'objective', 'PEO 1', 'Fair services'],
    ['Action 7', 'action', 'Action 7', ''],
  ] as const)('reads %p as a %s labelled %p', (text, level, label, title) => {
    expect(readLabel(text)).toEqual({ level, label, title });
  });

  it.each(['Section 149 of the Equality Act 2010', 'Action plan', 'Priority areas for the council', 'EO1.1'])(
    'reads %p as no label',
    (text) => {
      expect(readLabel(text)).toBeNull();
    },
  );
});

describe('what a document says of its dates', () => {
  it('reads calendar or financial quarters, "Year 1 is", and the period of its title', () => {
    expect(
      readDocumentContext(['Plan 2025 - 2027', 'Quarters in this plan are calendar quarters: Q1 is January']),
    ).toEqual({
      quarterConvention: 'calendar',
      planYearOne: undefined,
      yearless: undefined,
    });
    expect(
      readDocumentContext([
        'Delivery Plan 2025/26',
        'Year 1 is 2025/26, Year 2 is 2026/27',
        'All quarters are financial quarters',
      ]),
    ).toEqual({ quarterConvention: 'financial', planYearOne: 2025, yearless: { startYear: 2025, financial: true } });
    expect(readDocumentContext(['Equality plan', 'We will do our best.']).quarterConvention).toBeNull();
  });
});

describe('the officer corrects row roles', () => {
  const lines = [
    'Our equality plan',
    '',
    'Better data',
    'Collect equality data on every form',
    'Publish a profile of the district',
    'every spring',
  ].join('\n');

  it('previews a document with no recognisable table as lines once the officer marks them', async () => {
    await expect(read(lines)).rejects.toBeInstanceOf(PlanImportError);
    const preview = await parsePlanDocument(
      { fileName: 'plan.txt', bytes: textBytes(lines) },
      { rowRoles: { 'line 3': 'objective', 'line 4': 'action', 'line 5': 'action', 'line 6': 'continuation' } },
    );
    expect(preview.objectives.map((objective) => objective.title)).toEqual(['Better data']);
    expect(preview.actions.map((action) => [action.title, action.objective])).toEqual([
      ['Collect equality data on every form', 'Better data'],
      ['Publish a profile of the district every spring', 'Better data'],
    ]);
    expect(preview.rows.find((row) => row.at === 'line 3')).toMatchObject({ role: 'objective', by: 'officer' });
  });

  it('lists every row of a table with the role read from its features, and why', async () => {
    const table = [
      'Ref\tAction\tLead\tDue date',
      'Objective 1 – Know our communities',
      '1a\tPublish census profiles\tBI Team\tMay 2025',
      '\tfor every ward\t\t',
      'Page 2 of 4',
    ].join('\n');
    const preview = await read(table);
    expect(preview.rows.map((row) => [row.at, row.role])).toEqual([
      ['line 1', 'header'],
      ['line 2', 'objective'],
      ['line 3', 'action'],
      ['line 4', 'continuation'],
      ['line 5', 'ignore'],
    ]);
    expect(preview.rows[1]?.why).toContain('labelled "Objective 1"');
    const corrected = await parsePlanDocument(
      { fileName: 'plan.txt', bytes: textBytes(table) },
      { rowRoles: { 'line 4': 'action' } },
    );
    expect(corrected.actions.map((action) => action.title)).toEqual(['Publish census profiles', 'for every ward']);
  });
});

describe('noise is reported, never read as the plan', () => {
  it('warns of page furniture, a repeated header aside, and of garbled bullets it read', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { repoRoot } = await import('./testing/documents.js');
    const name = 'harrowfield-bc-equality-action-plan-2025-26.txt';
    const bytes = readFileSync(path.join(repoRoot(), 'libs/plan-import/src/testing/plans-varied', name));
    const preview = await parsePlanDocument({ fileName: name, bytes });
    expect(preview.warnings).toEqual(
      expect.arrayContaining([
        'line 24: ignored page furniture "- 2 -"',
        'line 21: a bullet a PDF or a Symbol font garbled was read as "•"',
      ]),
    );
    expect(preview.rows.filter((row) => row.role === 'header').map((row) => row.at)).toEqual(['line 7', 'line 27']);
  });
});
