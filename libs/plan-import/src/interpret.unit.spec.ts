import { parsePlanDocument, PlanImportError, toPreviewJson, type ParsePlanOptions, type PlanPreview } from './index.js';
import { textBytes } from './testing/documents.js';

async function parseRows(rows: readonly (readonly string[])[], options?: ParsePlanOptions): Promise<PlanPreview> {
  const text = rows.map((row) => row.join('\t')).join('\n');
  return parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes(text) }, options);
}

function messages(preview: PlanPreview): string[] {
  return preview.warningDetails.map((warning) => warning.message);
}

describe('headings read by meaning', () => {
  it.each([
    [['No.', 'What we will do', 'By when', 'Owner', 'KPI', 'Update']],
    [['Ref', 'Activity', 'Target date', 'Responsible officer', 'Outcome', 'Commentary']],
    [['#', 'Key actions', 'Deadline', 'Lead officer', 'Indicator', 'Progress update']],
    [['Action no', 'Task', 'Timescale', 'Who', 'How will we measure success?', 'Comments']],
  ])('%j', async (header) => {
    const preview = await parseRows([
      header,
      [
        '1.1',
        'Publish the pay gap report',
        'March 2025',
        'Human Resources',
        'Gap reduced by 2%',
        'Completed in March.',
      ],
    ]);
    expect(preview.columns.map((column) => column.role)).toEqual([
      'ref',
      'action',
      'due',
      'lead',
      'measure',
      'progress',
    ]);
    expect(toPreviewJson(preview).actions).toEqual([
      {
        ref: '1.1',
        objective: '1',
        title: 'Publish the pay gap report',
        description: null,
        due: { text: 'March 2025', kind: 'date', dates: ['2025-03-31'] },
        measures: ['Gap reduced by 2%'],
        leads: ['Human Resources'],
        progress: [{ text: 'Completed in March.', status: 'completed' }],
      },
    ]);
  });

  it('lists a heading it does not know as unmapped, and reads it as the user maps it', async () => {
    const rows = [
      ['Ref', 'Action', 'Milestone', 'Lead', 'Budget'],
      ['1.1', 'Run a staff survey', 'Q3 2025', 'Policy Team', '£5,000'],
    ];
    const unmapped = await parseRows(rows);
    expect(unmapped.unmappedColumns).toEqual(['Milestone', 'Budget']);
    expect(unmapped.actions[0]?.due.text).toBeNull();

    const mapped = await parseRows(rows, { columnMapping: { milestone: 'due', BUDGET: 'ignore' } });
    expect(mapped.unmappedColumns).toEqual([]);
    expect(mapped.columns).toContainEqual({ header: 'Milestone', role: 'due', by: 'mapping' });
    expect(mapped.actions[0]?.due).toMatchObject({
      text: 'Q3 2025',
      kind: 'date',
      dates: ['2025-07-01', '2025-09-30'],
    });
  });

  it('needs the user to say which column holds the actions when no heading says so', async () => {
    const rows = [
      ['Ref', 'Workstream', 'Deadline', 'Lead'],
      ['1.1', 'Run a staff survey', 'Q3 2025', 'Policy Team'],
    ];
    const error = await parseRows(rows).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PlanImportError);
    const mapped = await parseRows(rows, { columnMapping: { Workstream: 'action' } });
    expect(mapped.actions.map((action) => [action.title, action.leads])).toEqual([
      ['Run a staff survey', ['Policy Team']],
    ]);
  });

  it('skips a header row repeated at the top of each page, and reports page numbers', async () => {
    const header = ['Ref', 'Action', 'Due date', 'Lead'];
    const preview = await parseRows([
      header,
      ['PEO 1: Fair services'],
      ['1.1', 'Review the complaints process', 'June 2025', 'Customer Services'],
      ['Page 3 of 12'],
      header,
      ['1.2', 'Translate key leaflets', 'July 2025', 'Communications'],
      ['14'],
    ]);
    expect(preview.actions.map((action) => [action.ref, action.objective])).toEqual([
      ['1.1', 'PEO 1'],
      ['1.2', 'PEO 1'],
    ]);
    expect(messages(preview)).toEqual(['ignored page number "Page 3 of 12"', 'ignored page number "14"']);
    expect(preview.columns).toHaveLength(4);
  });
});

describe('sections: objectives and the level above them', () => {
  it('reads "Objective 1 –" headings and "1a" refs', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Lead'],
      ['Objective 1 – Know our communities'],
      ['1a', 'Publish census profiles', 'May 2025', 'BI Team'],
      ['1b', 'Map community groups', 'June 2025', 'Communities Team'],
      ['Objective 2 – Fair employer'],
      ['2a', 'Publish the pay gap', 'March 2026', 'HR'],
    ]);
    expect(toPreviewJson(preview).objectives).toEqual([
      { ref: 'Objective 1', title: 'Know our communities', group: null, measures: [] },
      { ref: 'Objective 2', title: 'Fair employer', group: null, measures: [] },
    ]);
    expect(preview.actions.map((action) => [action.ref, action.objective])).toEqual([
      ['1a', 'Objective 1'],
      ['1b', 'Objective 1'],
      ['2a', 'Objective 2'],
    ]);
  });

  it('reads the PSED aims as groups above numbered objectives', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Lead'],
      ['Eliminate discrimination, harassment and victimisation'],
      ['Equality Objective 1: Tackle hate crime'],
      ['1.1', 'Train staff to report hate incidents', 'March 2025', 'Community Safety'],
      ['Advance equality of opportunity'],
      ['Equality Objective 2: Close the pay gap'],
      ['2.1', 'Publish the pay gap report', 'March 2025', 'HR'],
    ]);
    expect(toPreviewJson(preview).groups).toEqual([
      { ref: null, title: 'Eliminate discrimination, harassment and victimisation' },
      { ref: null, title: 'Advance equality of opportunity' },
    ]);
    expect(preview.objectives.map((objective) => [objective.ref, objective.group])).toEqual([
      ['Equality Objective 1', 'Eliminate discrimination, harassment and victimisation'],
      ['Equality Objective 2', 'Advance equality of opportunity'],
    ]);
  });

  it('reads a theme column as the group when the rows carry the objectives', async () => {
    const preview = await parseRows([
      ['Theme', 'Ref', 'Action', 'Due', 'Lead'],
      ['Our workforce', 'PEO 1: Diverse workforce'],
      ['', '1.1', 'Anonymous shortlisting', 'Ongoing', 'HR'],
      ['Our communities', 'PEO 2: Engagement'],
      ['', '2.1', 'Residents panel', 'Annually', 'Communities Team'],
    ]);
    expect(preview.groups.map((group) => group.title)).toEqual(['Our workforce', 'Our communities']);
    expect(preview.objectives.map((objective) => [objective.ref, objective.group])).toEqual([
      ['PEO 1', 'Our workforce'],
      ['PEO 2', 'Our communities'],
    ]);
  });

  it('makes up an objective a ref implies when the document has no heading for it', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Lead'],
      ['1.1', 'Publish the pay gap report', 'March 2025', 'HR'],
      ['2.1', 'Translate key leaflets', 'July 2025', 'Communications'],
    ]);
    expect(toPreviewJson(preview).objectives).toEqual([
      { ref: '1', title: 'Objective 1', group: null, measures: [] },
      { ref: '2', title: 'Objective 2', group: null, measures: [] },
    ]);
    expect(messages(preview)).toEqual([
      'action 1.1 implies objective 1, which has no heading in the document',
      'action 2.1 implies objective 2, which has no heading in the document',
    ]);
  });

  it('gives a heading that lost its number the number its actions imply', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Lead'],
      ['PEO 1: Fair services'],
      ['1.1', 'Review the complaints process', 'June 2025', 'Customer Services'],
      ['Workforce Diversity and Inclusion'],
      ['2.1', 'Publish the pay gap report', 'March 2026', 'HR'],
    ]);
    expect(preview.objectives.map((objective) => [objective.ref, objective.title])).toEqual([
      ['PEO 1', 'Fair services'],
      ['PEO 2', 'Workforce Diversity and Inclusion'],
    ]);
  });

  it('continues the pillar of a row whose first cell is empty, and joins a pillar name wrapped over two lines', async () => {
    const preview = await parseRows([
      ['Pillar', 'Action', 'Lead', 'Timelines'],
      ['Visible Leadership and', 'Clear EDI vision', 'Policy Team', 'Q1 2024 - Q2 2024'],
      ['Commitment'],
      ['', 'Departmental targets', 'DEGs', 'Ongoing'],
      ['Workforce', 'Network groups', 'People Services', 'Ongoing'],
    ]);
    expect(preview.objectives.map((objective) => objective.title)).toEqual([
      'Visible Leadership and Commitment',
      'Workforce',
    ]);
    expect(preview.actions.map((action) => [action.title, action.objective])).toEqual([
      ['Clear EDI vision', 'Visible Leadership and Commitment'],
      ['Departmental targets', 'Visible Leadership and Commitment'],
      ['Network groups', 'Workforce'],
    ]);
  });

  it('gives measures written on an objective row to the objective', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Success measure'],
      ['PEO 1: Fair services.', '', '', 'Complaints about access reduced. Satisfaction over 90%.'],
      ['1.1', 'Review the complaints process', 'June 2025', 'Process published'],
    ]);
    expect(preview.objectives[0]?.measures).toEqual(['Complaints about access reduced.', 'Satisfaction over 90%.']);
    expect(preview.actions[0]?.measures).toEqual(['Process published']);
  });
});

describe('cells', () => {
  it('reads HTML markup: a list of action points is several actions, entities and tags are text', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Lead', 'Success measure'],
      [
        '1.1',
        'Make our buildings accessible:<ul><li>Audit &amp; fix entrances</li><li>Install hearing loops</li></ul>',
        'March 2026',
        'Facilities<br>Health &amp; Safety',
        '<p>Audit done</p><p>Loops in all receptions</p>',
      ],
    ]);
    expect(toPreviewJson(preview).actions).toEqual([
      expect.objectContaining({
        ref: '1.1a',
        title: 'Audit & fix entrances',
        description: 'Make our buildings accessible:',
        leads: ['Facilities', 'Health & Safety'],
        measures: ['Audit done'],
      }),
      expect.objectContaining({ ref: '1.1b', title: 'Install hearing loops', measures: ['Loops in all receptions'] }),
    ]);
  });

  it('gives a list of measures that does not match the action points to the objective', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Success measure'],
      ['PEO 1: Accessible services'],
      [
        '1.1',
        '• Audit the website • Caption all videos',
        'March 2026',
        '• WCAG 2.2 AA met • Complaints fall • Usage rises',
      ],
    ]);
    expect(preview.actions.map((action) => [action.ref, action.title, action.measures])).toEqual([
      ['1.1a', 'Audit the website', []],
      ['1.1b', 'Caption all videos', []],
    ]);
    expect(preview.objectives[0]?.measures).toEqual(['WCAG 2.2 AA met', 'Complaints fall', 'Usage rises']);
  });

  it('reads a due written at the end of another cell when the due column was lost', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Outcome', 'Lead'],
      ['1.1', 'Review the equality impact assessment template', 'New template in use by March 2026', 'Policy Team'],
      ['1.2', 'Publish workforce data (Q3 2025)', 'Data published', 'HR'],
      ['1.3', 'Train managers', 'All managers trained', 'L&D'],
    ]);
    expect(preview.actions.map((action) => [action.ref, action.due.text, action.due.dates, action.dueSource])).toEqual([
      ['1.1', 'March 2026', ['2026-03-31'], 'text'],
      ['1.2', 'Q3 2025', ['2025-07-01', '2025-09-30'], 'text'],
      ['1.3', null, [], null],
    ]);
    expect(messages(preview)).toContain(
      'action 1.1: due "March 2026" read from the end of "New template in use by March 2026"',
    );
  });

  it('infers a status from progress text and from a status column', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Progress', 'RAG status'],
      ['1.1', 'Staff survey', 'June 2025', 'Not yet started: awaiting budget.', ''],
      ['1.2', 'New intranet pages', 'June 2025', 'On hold until the restructure.', ''],
      ['1.3', 'Old strategy refresh', 'June 2025', 'Cancelled - superseded by the new strategy.', ''],
      ['1.4', 'Consultation', 'June 2025', 'Consultation closed in May.', 'Complete'],
      ['1.5', 'Mentoring', 'June 2025', '', 'On track'],
      ['1.6', 'Hate crime campaign', 'June 2025', 'Deadline extended to December 2025 after consultation.', ''],
    ]);
    expect(preview.actions.map((action) => action.status)).toEqual([
      'not_started',
      'deferred',
      'cancelled',
      'completed',
      'in_progress',
      'in_progress',
    ]);
    expect(preview.actions[4]?.progress).toEqual([{ text: 'On track', status: 'in_progress' }]);
    expect(preview.actions[5]?.dueRevisions[0]?.due.dates).toEqual(['2025-12-31']);
  });

  it('reads a ref repeated further down as the same action', async () => {
    const preview = await parseRows([
      ['Ref', 'Action', 'Due', 'Lead'],
      ['1.1', 'Publish the pay gap report', 'March 2025', 'HR'],
      ['1.2', 'Run a survey', 'June 2025', 'Policy Team'],
      ['1.1', 'and the ethnicity pay gap report', '', ''],
    ]);
    expect(preview.actions.map((action) => [action.ref, action.title])).toEqual([
      ['1.1', 'Publish the pay gap report and the ethnicity pay gap report'],
      ['1.2', 'Run a survey'],
    ]);
    expect(messages(preview)).toContain('action 1.1 appears again; read as the same action');
  });
});

describe('the --dry-run --json document', () => {
  it('has exactly the keys of the issue, in its order', async () => {
    const preview = await parseRows([
      ['Theme', 'Ref', 'Action', 'Actions to be done', 'Due', 'Success measure', 'Lead', 'Progress'],
      ['Workforce', 'PEO 1: Diverse workforce'],
      ['', '1.1', 'Pay gap', 'Publish the report', 'March 2025', 'Gap reduced', 'HR', 'Completed.'],
    ]);
    const json = toPreviewJson(preview);
    expect(Object.keys(json)).toEqual(['groups', 'objectives', 'actions', 'warnings']);
    expect(Object.keys(json.groups[0] ?? {})).toEqual(['ref', 'title']);
    expect(Object.keys(json.objectives[0] ?? {})).toEqual(['ref', 'title', 'group', 'measures']);
    expect(Object.keys(json.actions[0] ?? {})).toEqual([
      'ref',
      'objective',
      'title',
      'description',
      'due',
      'measures',
      'leads',
      'progress',
    ]);
    expect(Object.keys(json.actions[0]?.due ?? {})).toEqual(['text', 'kind', 'dates']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(preview.source).toMatchObject({ fileName: 'plan.txt', format: 'text', mediaType: 'text/plain' });
    expect(preview.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
