import type { ActionSummaryDto } from '@due-regard/plans';
import { objectiveDto, planDetailDto } from '../../testing/plan-details.js';
import { actionGroups, filterSelects, hasFilters, planFilters } from './plan-view.js';

describe('parameters the filter form does not send', () => {
  it('are ignored, not refused', () => {
    expect(planFilters({ colour: 'red', utm_source: 'newsletter' })).toEqual({});
    expect(planFilters({ rag: 'red', fbclid: 'x' })).toEqual({ rag: 'red' });
  });
});

describe("the plan page's filter form", () => {
  it('reads what the form sends, an empty select meaning any', () => {
    expect(
      planFilters({ objective: '', status: 'in-progress', rag: '', lead: ' Human Resources ', overdue: 'yes' }),
    ).toEqual({
      status: 'in-progress',
      lead: 'Human Resources',
      overdue: true,
    });
    expect(planFilters({ objective: 'o-1', rag: 'red', overdue: 'no' })).toEqual({
      objectiveId: 'o-1',
      rag: 'red',
      overdue: false,
    });
    expect(hasFilters(planFilters({ status: '' }) ?? { status: 'completed' })).toBe(false);
  });

  it('refuses values and fields the form never sends', () => {
    expect(planFilters({ status: 'finished' })).toBeNull();
    expect(planFilters({ objective: '../x' })).toBeNull();
    expect(planFilters({ overdue: 'true' })).toBeNull();
    expect(planFilters({ lead: 'Human\u0000Resources' })).toBeNull();
  });
});

const objective = (id: string, ref: string | null, retired = false) => objectiveDto(id, { ref, retired });

const action = (id: string, objectiveId: string, leads: string[] = ['Policy']): ActionSummaryDto => ({
  id,
  ref: id,
  title: `Action ${id}`,
  objectiveId,
  objectiveRef: null,
  due: { text: 'Ongoing', kind: 'ongoing', dates: [], final: null, frequency: null },
  status: 'not-started',
  rag: 'none',
  statusReason: null,
  leads,
  protectedCharacteristics: [],
  lastUpdate: { on: null, narrative: null, changedAt: '2025-01-01T00:00:00.000Z' },
  overdue: false,
  dueNext90Days: false,
  version: 1,
});

describe("the plan page's actions, by objective", () => {
  const objectives = [objective('o-1', 'PEO 1'), objective('o-2', null), objective('o-3', 'PEO 3', true)];

  it('groups actions under their objectives in order, keeping empty objectives in force when unfiltered', () => {
    const groups = actionGroups(
      planDetailDto(objectives, [action('2.1', 'o-2'), action('1.1', 'o-1'), action('x', 'gone')]),
      false,
    );
    expect(groups.map((group) => [group.name, group.rows.map((row) => row.ref)])).toEqual([
      ['PEO 1 Objective o-1', ['1.1']],
      ['Objective o-2', ['2.1']],
      ['Other actions', ['x']],
    ]);
    expect(actionGroups(planDetailDto(objectives, []), false).map((group) => group.id)).toEqual(['o-1', 'o-2']);
  });

  it('shows only objectives with matching actions when filtered', () => {
    expect(actionGroups(planDetailDto(objectives, [action('3.1', 'o-3')]), true).map((group) => group.id)).toEqual([
      'o-3',
    ]);
  });

  it("offers every lead of the plan's actions once, sorted, and selects the chosen one whatever its case", () => {
    const selects = filterSelects(objectives, [action('a', 'o-1', ['Policy', 'HR']), action('b', 'o-1', ['HR'])], {
      lead: 'hr',
      status: 'completed',
    });
    expect(selects.lead).toEqual([
      { value: '', text: 'Any lead', selected: false },
      { value: 'HR', text: 'HR', selected: true },
      { value: 'Policy', text: 'Policy', selected: false },
    ]);
    expect(selects.status.filter((item) => item.selected).map((item) => item.text)).toEqual(['Completed']);
    expect(selects.overdue.find((item) => item.selected)?.text).toBe('Overdue or not');
  });
});
