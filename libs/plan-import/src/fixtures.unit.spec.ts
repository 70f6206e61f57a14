import { parsePlanDocument, toPreviewJson, type PlanPreview, type PreviewAction } from './index.js';
import { FIXTURES, fixtureBytes } from './testing/documents.js';

async function parseFixture(name: string): Promise<PlanPreview> {
  return parsePlanDocument({ fileName: name, bytes: fixtureBytes(name) });
}

function action(preview: PlanPreview, ref: string): PreviewAction {
  const found = preview.actions.find((entry) => entry.ref === ref);
  if (found === undefined) throw new Error(`no action ${ref}`);
  return found;
}

function byTitle(preview: PlanPreview, title: string): PreviewAction {
  const found = preview.actions.find((entry) => entry.title === title);
  if (found === undefined) throw new Error(`no action ${title}`);
  return found;
}

function refs(prefix: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}.${index + 1}`);
}

describe('Charnwood Equality Action Plan 2024-2026 (pasted text)', () => {
  let preview: PlanPreview;
  beforeAll(async () => {
    preview = await parseFixture(FIXTURES.charnwood2024);
  });

  it('has 4 objectives and 23 actions: 1.1-1.8, 2.1-2.6, 3.1-3.5, 4.1-4.4', () => {
    expect(preview.objectives.map((objective) => objective.ref)).toEqual(['PEO 1', 'PEO 2', 'PEO 3', 'PEO 4']);
    expect(preview.actions.map((entry) => entry.ref)).toEqual([
      ...refs(1, 8),
      ...refs(2, 6),
      ...refs(3, 5),
      ...refs(4, 4),
    ]);
    expect(preview.groups).toEqual([]);
  });

  it('puts each action under the objective its ref implies, across page breaks and broken headings', () => {
    for (const entry of preview.actions) expect(entry.objective).toBe(`PEO ${entry.ref?.split('.')[0]}`);
    expect(preview.objectives[0]?.title).toBe(
      'Promoting inclusive and responsive service delivery - Ensuring that all public services provided by the local authority are accessible and meet the diverse needs of the community, eliminating any discriminatory practices',
    );
    // The copy split the heading over four cells and lost its "PEO" label.
    expect(preview.objectives[1]?.title).toContain('Workforce Diversity, Engagement, and Inclusion');
    expect(preview.objectives[1]?.title).toContain(
      'Foster a diverse and inclusive workforce that reflects the community it services',
    );
    expect(preview.objectives[3]?.title).toMatch(/^Leadership, Partnership and Organisational Commitment/);
  });

  it('reads 1.2 as due June 2024, 1.4 as two milestones and 4.3 as annual from April 2025', () => {
    expect(toPreviewJson(preview).actions.find((entry) => entry.ref === '1.2')?.due).toEqual({
      text: 'June 2024',
      kind: 'date',
      dates: ['2024-06-30'],
    });
    expect(action(preview, '1.4').due).toMatchObject({
      text: 'Sept 2024 and Sept 2025',
      kind: 'milestones',
      dates: ['2024-09-30', '2025-09-30'],
    });
    expect(action(preview, '4.3').due).toMatchObject({ text: 'Annual – April 2025', kind: 'recurring' });
    expect(action(preview, '4.3').due.dates).toContain('2025-04-30');
    expect(action(preview, '1.1').due.kind).toBe('ongoing');
    expect(action(preview, '3.2').due).toMatchObject({ text: 'Annual Review', kind: 'ongoing' });
  });

  it('reads the shifted last table (an empty heading cell, debris before the refs)', () => {
    expect(action(preview, '3.4').title).toMatch(/^Completion of the Digital Inclusion Project, including:/);
    expect(action(preview, '3.4').leads).toEqual(['Customer Experience Team']);
    expect(action(preview, '3.4').due.dates).toEqual(['2025-03-31']);
    expect(action(preview, '4.1')).toMatchObject({
      title: 'Promote self-declaration of protected characteristics amongst staff.',
      leads: ['Human Resources'],
    });
    expect(action(preview, '4.1').due.dates).toEqual(['2024-09-30']);
  });

  it('splits measures into statements and leads into teams', () => {
    expect(action(preview, '2.2').measures).toEqual([
      'Reduction in gender pay gap.',
      'Reduction in ethnicity pay gap.',
    ]);
    expect(action(preview, '1.6').leads).toEqual([
      'Transformation, Strategy and Performance Team',
      'Democratic Services',
    ]);
    expect(action(preview, '1.7').leads).toEqual([
      'Head of Landlord Services',
      'Transformation, Strategy and Performance Team',
    ]);
    expect(action(preview, '3.5').leads).toEqual(['Equality Working Group', 'Communities and Wellbeing']);
  });

  it('reports page debris as warnings, never as actions', () => {
    expect(preview.warningDetails).toEqual(
      expect.arrayContaining([
        { at: 'line 57', message: 'ignored stray text "_ τ"' },
        { at: 'line 62', message: 'ignored stray text "C)"' },
        { at: 'line 87', message: 'ignored stray text "4" before action 4.3' },
      ]),
    );
    expect(preview.warnings).toContain(
      'line 67: heading "2: Workforce Diversity, Engagement, and…" was split across cells by the copy: check its title',
    );
    expect(preview.columns).toEqual([
      { header: '', role: 'ref', by: 'position' },
      { header: 'Action', role: 'action', by: 'vocabulary' },
      { header: 'Completion Date', role: 'due', by: 'vocabulary' },
      { header: 'Success Measure', role: 'measure', by: 'vocabulary' },
      { header: 'Lead', role: 'lead', by: 'vocabulary' },
    ]);
    expect(preview.unmappedColumns).toEqual([]);
  });
});

describe('Charnwood Equality Strategy Action Plan 2016-2018 (pasted text with wrapped rows)', () => {
  let preview: PlanPreview;
  beforeAll(async () => {
    preview = await parseFixture(FIXTURES.charnwood2016);
  });

  it('has 6 objectives and 31 actions, 3.5 once', () => {
    expect(preview.objectives.map((objective) => objective.ref)).toEqual([
      'PEO 1',
      'PEO 2',
      'PEO 3',
      'PEO 4',
      'PEO 5',
      'PEO 6',
    ]);
    expect(preview.actions.map((entry) => entry.ref)).toEqual([
      ...refs(1, 6),
      ...refs(2, 5),
      ...refs(3, 5),
      ...refs(4, 7),
      ...refs(5, 2),
      ...refs(6, 6),
    ]);
    expect(preview.actions.filter((entry) => entry.ref === '3.5')).toHaveLength(1);
  });

  it('gives every action its progress text and a status', () => {
    for (const entry of preview.actions) {
      expect(entry.progress).toHaveLength(1);
      expect(entry.progress[0]?.text.length).toBeGreaterThan(10);
      expect(entry.progress[0]?.status).not.toBeNull();
      expect(entry.status).toBe(entry.progress[0]?.status);
    }
    expect(action(preview, '1.1').progress).toEqual([
      { text: 'Completed. EIAs continue to be monitored at the quarterly EWG Meetings.', status: 'completed' },
    ]);
    expect(action(preview, '4.6').progress[0]?.status).toBe('in_progress');
    expect(action(preview, '5.1').status).toBe('completed');
  });

  it('carries the due revisions of 3.1 (to May 2018) and 3.3 (to July 2018)', () => {
    expect(action(preview, '3.1').due).toMatchObject({ text: 'March 2018', dates: ['2018-03-31'] });
    const revisions = (ref: string): unknown[] =>
      action(preview, ref).dueRevisions.map((revision) => ({
        note: revision.note,
        text: revision.due.text,
        kind: revision.due.kind,
        dates: revision.due.dates,
      }));
    expect(revisions('3.1')).toEqual([
      { note: 'Date revised to May 2018.', text: 'May 2018', kind: 'date', dates: ['2018-05-31'] },
    ]);
    expect(revisions('3.3')).toEqual([
      { note: 'Date revised to July 2018.', text: 'July 2018', kind: 'date', dates: ['2018-07-31'] },
    ]);
    expect(action(preview, '3.1').status).toBe('in_progress');
    expect(preview.actions.filter((entry) => entry.dueRevisions.length > 0).map((entry) => entry.ref)).toEqual([
      '3.1',
      '3.3',
    ]);
  });

  it('reads 4.2 as recurring quarterly, its wrapped lines joined and the scribbles dropped', () => {
    const quarterly = action(preview, '4.2');
    expect(quarterly.due).toMatchObject({
      text: 'Quarterly Updates Jan/ Apr/Jul/ Oct 2017',
      kind: 'recurring',
      frequency: 'quarterly',
    });
    expect(quarterly.title).toBe(
      'Produce quarterly monitoring reports of workforce monitoring statistics and report to the Equality Working Group as appropriate so that action can be taken where necessary to address issues.',
    );
    expect(quarterly.measures).toEqual([
      'Quarterly Monitoring Reports produced.',
      'Monitoring of workforce statistics',
    ]);
    expect(quarterly.leads).toEqual(['Systems & Information Officer', 'Corporate Improvement & Policy Officer']);
    expect(quarterly.progress[0]?.text).toMatch(
      /^Completed\. Quarterly report produced .* currently existing within the workforce\.$/,
    );
  });

  it('joins the rows of 3.5 that the page layout repeated', () => {
    const repeated = action(preview, '3.5');
    expect(repeated.title).toBe(
      'Engage with service users who have specific communication needs to identify areas where we can improve our communication methods.',
    );
    expect(repeated.due.text).toBe('April 2017');
    expect(repeated.leads).toEqual(['Equality Working Group']);
    expect(repeated.measures).toEqual([
      'Communication methods improved based on identified need.',
      'Feedback/ complaints from service users.',
    ]);
    expect(repeated.progress[0]?.text).toBe(
      'Completed. No issues have been raised to date. EWG to continue to monitor as appropriate.',
    );
  });

  it('gives back to each row of objective 6 the progress text the copy pushed into the next row', () => {
    expect(action(preview, '6.2').progress[0]?.text).toMatch(
      /standing agenda item\), to contract managers when contract management meetings are required\.$/,
    );
    expect(action(preview, '6.3').progress[0]?.text).toMatch(
      /^Completed\. Development of Dementia Alliance complete\..*membership further\.$/,
    );
    expect(action(preview, '6.4').progress[0]?.text).toMatch(/^Completed\. CBC continues/);
    expect(action(preview, '6.5').progress[0]?.text).toMatch(/who may have been radicalised\.$/);
    expect(action(preview, '6.6').progress[0]?.text).toMatch(
      /^Completed 1\. CBC Sport.*about the design of Kirkstone Park, Loughborough\. 3\. A range of young people/,
    );
  });

  it('restores the objective label the copy lost and flags headings it damaged', () => {
    expect(preview.objectives[3]).toMatchObject({ ref: 'PEO 4', title: 'To have a diverse workforce that ain' });
    expect(preview.objectives[4]).toMatchObject({
      ref: 'PEO 5',
      title: 'To change where reasonably possible what we do if we find it creates inequality',
    });
    expect(preview.warnings).toContain(
      'line 14: heading PEO 1 was split across cells by the copy and seems cut off ("sess, consult and evaluate the"): check its title',
    );
    expect(preview.warnings).toEqual(
      expect.arrayContaining([
        'line 37: ignored a second due "April 2011" for 3.5 (kept "April 2017")',
        'line 58: ignored stray text "- Claire ii C"',
        'line 58: ignored stray text ". oney omeon"',
        'line 59: ignored stray text "addioco locaco."',
      ]),
    );
  });
});

describe('Leicestershire EDI Strategy 2024-2028 (pillars as a column, no refs)', () => {
  let preview: PlanPreview;
  beforeAll(async () => {
    preview = await parseFixture(FIXTURES.leicestershire);
  });

  it('has 8 pillars as objectives and 33 actions', () => {
    expect(preview.objectives.map((objective) => objective.title)).toEqual([
      'Visible Leadership and Commitment',
      'Workforce and Culture',
      'Evidence and Data Based',
      'Honest Community Engagement',
      'Positive Commercial Arrangements',
      'Accessible and Fair Service',
      'Accreditations',
      'Lived Care Experience',
    ]);
    expect(preview.objectives.every((objective) => objective.ref === null)).toBe(true);
    expect(preview.actions).toHaveLength(33);
    const perPillar = preview.objectives.map(
      (objective) => preview.actions.filter((entry) => entry.objective === objective.title).length,
    );
    expect(perPillar).toEqual([6, 5, 5, 4, 4, 4, 4, 1]);
  });

  it('gives each action its lead(s), except where the document has none', () => {
    const withoutLead = preview.actions.filter((entry) => entry.leads.length === 0).map((entry) => entry.title);
    expect(withoutLead).toEqual(['Interpretation & Translation Services']);
    expect(byTitle(preview, 'Clear EDI Vision & Strategy').leads).toEqual(['Policy Team']);
    expect(byTitle(preview, 'Staff Survey Feedback').leads).toEqual(['BI Team', 'People Services']);
    expect(byTitle(preview, 'Equality Impact Assessments').leads).toEqual([
      'Managers for specific projects',
      'Policy Team',
    ]);
    expect(byTitle(preview, 'Accessibility Assessments').leads).toEqual([
      'IT',
      'People Services',
      'Reasonable Adjustments Team',
      'Health and Safety',
      'Customer Services Team',
    ]);
    expect(
      byTitle(preview, 'Build Honest Relationships with Groups of and for People with Protected Characteristics').leads,
    ).toEqual(['Community engagement teams', 'Consultation and engagement team', 'Policy Team', 'All Departments']);
  });

  it('parses the timelines: quarter ranges (calendar by default), recurring, ongoing', () => {
    expect(byTitle(preview, 'Clear EDI Vision & Strategy').due).toMatchObject({
      text: 'Q1 2024 - Q2 2024',
      kind: 'range',
      dates: ['2024-01-01', '2024-06-30'],
    });
    expect(byTitle(preview, 'EDI Annual Reports').due).toMatchObject({
      kind: 'range',
      dates: ['2024-10-01', '2025-12-31'],
    });
    expect(byTitle(preview, 'Attain Level 3 Disability Confident').due).toMatchObject({
      text: 'Q3 2024',
      dates: ['2024-07-01', '2024-09-30'],
    });
    expect(byTitle(preview, 'Equal Pay Audit').due).toMatchObject({ text: 'Tri-annually', kind: 'recurring' });
    expect(byTitle(preview, 'Ethnicity & Gender Pay Gap Reporting').due).toMatchObject({
      text: 'Annually',
      kind: 'recurring',
    });
    expect(byTitle(preview, 'Big Conversations').due.kind).toBe('ongoing');
    expect(preview.actions.every((entry) => entry.due.kind !== 'unknown')).toBe(true);
  });

  it('reads the quarters as the UK financial year when the council says so', async () => {
    const financial = await parsePlanDocument(
      { fileName: FIXTURES.leicestershire, bytes: fixtureBytes(FIXTURES.leicestershire) },
      { quarterConvention: 'financial' },
    );
    expect(byTitle(financial, 'Clear EDI Vision & Strategy').due.dates).toEqual(['2024-04-01', '2024-09-30']);
  });

  it('reads "Actions to be done" as the description and "Anticipated Output" as the measure', () => {
    expect(byTitle(preview, 'Clear EDI Vision & Strategy')).toMatchObject({
      description: 'Develop and publish the EDI vision and strategy',
      measures: ["Clear direction and alignment with Council's objectives and values"],
    });
    expect(byTitle(preview, 'Leicestershire Equalities Challenge Group').measures).toEqual([]);
    expect(preview.columns.map((column) => [column.header, column.role])).toEqual([
      ['Pillar', 'objective'],
      ['Action', 'action'],
      ['Department/ Person Responsible', 'lead'],
      ['Timelines', 'due'],
      ['Actions to be done', 'description'],
      ['Anticipated Output', 'measure'],
    ]);
  });

  it('ignores the strategy text and the census table before the action plan', () => {
    expect(preview.warnings).toEqual([]);
    expect(preview.actions.some((entry) => /census|key facts/i.test(entry.title))).toBe(false);
  });
});
