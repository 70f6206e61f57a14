import type { PreviewColumn, PreviewJson } from '@due-regard/plan-import';
import {
  checkedDate,
  columnChoices,
  datePartsOf,
  dueSummary,
  importStatusTag,
  mappingFromForm,
  previewPage,
  progressStatusName,
  progressText,
} from './import-view-model.js';

type Action = PreviewJson['actions'][number];

function action(ref: string, objective: string | null, overrides: Partial<Action> = {}): Action {
  return {
    ref,
    objective,
    title: `Action ${ref}`,
    description: null,
    due: { text: 'March 2025', kind: 'date', dates: ['2025-03-31'] },
    measures: [],
    leads: ['Human Resources'],
    progress: [],
    ...overrides,
  };
}

describe('the import preview page', () => {
  it('shows a due as written, what it was understood as, and its dates in UK format', () => {
    expect(dueSummary({ text: 'March 2025', kind: 'date', dates: ['2025-03-31'] })).toEqual({
      asWritten: 'March 2025',
      kind: 'A date',
      understood: true,
      dates: '31 March 2025',
    });
    expect(dueSummary({ text: 'Q1 2024', kind: 'range', dates: ['2024-01-01', '2024-03-31'] }).dates).toBe(
      '1 January 2024 to 31 March 2024',
    );
    expect(
      dueSummary({ text: 'April 2017/ April 2018', kind: 'milestones', dates: ['2017-04-30', '2018-04-30'] }),
    ).toMatchObject({ kind: 'Milestones', dates: '30 April 2017 and 30 April 2018' });
    expect(dueSummary({ text: 'When funding allows', kind: 'unknown', dates: [] })).toEqual({
      asWritten: 'When funding allows',
      kind: 'Not understood',
      understood: false,
      dates: 'No dates',
    });
    expect(dueSummary({ text: null, kind: 'unknown', dates: [] }).asWritten).toBe('Not given');
  });

  it('names progress statuses in words', () => {
    expect(progressStatusName('in_progress')).toBe('In progress');
    expect(progressStatusName('not_started')).toBe('Not started');
    expect(progressStatusName(null)).toBeNull();
  });

  it('groups objectives under their groups and actions under their objectives, by ref or title', () => {
    const page = previewPage({
      groups: [
        { ref: 'Aim 1', title: 'Eliminate discrimination' },
        { ref: null, title: 'Foster good relations' },
      ],
      objectives: [
        { ref: '1', title: 'Fair recruitment', group: 'Aim 1', measures: ['Diverse shortlists'] },
        { ref: null, title: 'Community events', group: 'Foster good relations', measures: [] },
        { ref: '3', title: 'Accessible buildings', group: null, measures: [] },
      ],
      actions: [
        action('1.1', '1'),
        action('2.1', 'Community events'),
        action('3.1', '3'),
        action('1.2', '1'),
        action('9.1', null),
        action('8.1', 'An objective the document never named'),
      ],
      warnings: ['line 12: page number removed'],
    });
    expect(
      page.sections.map((section) => ({
        group: section.group?.title ?? null,
        objectives: section.objectives.map((objective) => [objective.title, objective.actions.map((item) => item.ref)]),
      })),
    ).toEqual([
      { group: 'Eliminate discrimination', objectives: [['Fair recruitment', ['1.1', '1.2']]] },
      { group: 'Foster good relations', objectives: [['Community events', ['2.1']]] },
      { group: null, objectives: [['Accessible buildings', ['3.1']]] },
    ]);
    expect(page.sections[0]?.objectives[0]?.measures).toEqual(['Diverse shortlists']);
    expect(page.otherActions.map((item) => item.ref)).toEqual(['9.1', '8.1']);
    expect(page.counts).toEqual({ groups: 2, objectives: 3, actions: 6 });
    expect(page.warnings).toEqual(['line 12: page number removed']);
  });

  it('has no group sections for a plan without groups', () => {
    const page = previewPage({
      groups: [],
      objectives: [{ ref: '1', title: 'Fair recruitment', group: null, measures: [] }],
      actions: [
        action('1.1', '1', {
          progress: [{ text: 'Started in May.', status: 'in_progress' }],
          due: { text: 'Ongoing', kind: 'ongoing', dates: [] },
        }),
      ],
      warnings: [],
    });
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0]?.group).toBeNull();
    const [only] = page.sections[0]?.objectives[0]?.actions ?? [];
    expect(only?.progress).toEqual([{ text: 'Started in May.', status: 'In progress' }]);
    expect(only?.due).toMatchObject({ asWritten: 'Ongoing', kind: 'Ongoing', dates: 'No dates' });
  });
});

describe('the column page', () => {
  const columns: PreviewColumn[] = [
    { header: '', role: 'ref', by: 'position' },
    { header: 'Action', role: 'action', by: 'vocabulary' },
    { header: 'Milestone', role: null, by: null },
    { header: 'Owner', role: 'lead', by: 'mapping' },
  ];

  it('offers every role and "Ignore this column" for each named column, prefilled with what was read', () => {
    const choices = columnChoices(columns);
    expect(choices.map((choice) => [choice.field, choice.header, choice.editable, choice.readAs])).toEqual([
      ['column-0', '', false, 'Reference number'],
      ['column-1', 'Action', true, 'Action'],
      ['column-2', 'Milestone', true, 'Not recognised'],
      ['column-3', 'Owner', true, 'Lead (team or officer)'],
    ]);
    expect(choices[1]?.items.find((item) => item.selected)?.value).toBe('action');
    expect(choices[2]?.items.find((item) => item.selected)).toEqual({
      value: 'ignore',
      text: 'Ignore this column',
      selected: true,
    });
    expect(choices[1]?.items.map((item) => item.value)).toEqual([
      'ref',
      'group',
      'objective',
      'action',
      'description',
      'due',
      'measure',
      'lead',
      'progress',
      'status',
      'ignore',
    ]);
    expect(choices[1]?.how).toBe('Recognised from its heading');
  });

  it('maps the columns whose choice changed, keeps the choices made before, and refuses an unknown role', () => {
    const changed = mappingFromForm(
      columns,
      { Owner: 'lead' },
      { 'column-1': 'action', 'column-2': 'due', 'column-3': 'lead' },
    );
    expect(changed).toEqual({ ok: true, mapping: { Milestone: 'due', Owner: 'lead' } });
    expect(mappingFromForm(columns, {}, { 'column-1': 'action', 'column-2': 'ignore', 'column-3': 'lead' })).toEqual({
      ok: true,
      mapping: { Owner: 'lead' },
    });
    expect(mappingFromForm(columns, {}, { 'column-1': 'boss', 'column-2': 'due', 'column-3': 'lead' })).toEqual({
      ok: false,
      field: 'column-1',
      message: 'Select what the column “Action” holds',
    });
  });
});

describe('progress in words', () => {
  it('says where the job is', () => {
    expect(progressText('queued', 0)).toBe('Waiting to be read');
    expect(progressText('parsing', 70)).toBe('Being read: 70% done');
    expect(progressText('committing', 100)).toBe('Being recorded');
    expect(progressText('ready', 100)).toBe('Read');
  });
});

describe('the list of imports', () => {
  it('names each state, with a colour', () => {
    expect(importStatusTag('ready')).toEqual({ text: 'Ready to check', classes: 'govuk-tag--blue' });
    expect(importStatusTag('committed')).toEqual({ text: 'Imported', classes: 'govuk-tag--green' });
    expect(importStatusTag('failed')).toEqual({ text: 'Could not be imported', classes: 'govuk-tag--red' });
  });
});

describe('the period dates on the import form', () => {
  it('shows a date in the three boxes', () => {
    expect(datePartsOf('2024-04-01')).toEqual({ day: '1', month: '4', year: '2024' });
  });

  it('accepts a real date and words each problem as the GOV.UK pattern does', () => {
    const starts = 'the date the action plan starts';
    expect(checkedDate({ day: '1', month: '4', year: '2024' }, starts)).toEqual({ ok: true, isoDate: '2024-04-01' });
    expect(checkedDate({ day: '', month: '', year: '' }, starts)).toEqual({
      ok: false,
      message: 'Enter the date the action plan starts',
      parts: ['day', 'month', 'year'],
    });
    expect(checkedDate({ day: '1', month: '', year: '' }, starts)).toEqual({
      ok: false,
      message: 'The date the action plan starts must include a month and year',
      parts: ['month', 'year'],
    });
    expect(checkedDate({ day: '31', month: '2', year: '2025' }, starts)).toMatchObject({
      ok: false,
      message: 'The date the action plan starts must be a real date',
    });
    expect(checkedDate({ day: '1', month: 'April', year: '2025' }, starts)).toEqual({
      ok: true,
      isoDate: '2025-04-01',
    });
    expect(checkedDate({ day: '1', month: '4', year: '25' }, starts)).toMatchObject({ ok: false });
  });
});
