import type { ActionSummaryDto } from '@due-regard/plans';
import { actionRow, actionsDueSoon, nextDueDate, overdueActions, type PlanActions } from './action-rows.js';

function action(id: string, overrides: Partial<ActionSummaryDto> = {}): ActionSummaryDto {
  return {
    id,
    ref: id.toUpperCase(),
    title: `Action ${id}`,
    objectiveId: 'o-1',
    objectiveRef: 'PEO 1',
    due: { text: 'June 2025', kind: 'date', dates: ['2025-06-30'], final: '2025-06-30', frequency: null },
    status: 'in-progress',
    rag: 'amber',
    statusReason: null,
    leads: ['Human Resources', 'Policy'],
    protectedCharacteristics: [],
    lastUpdate: { on: null, narrative: null, changedAt: '2025-01-01T00:00:00.000Z' },
    overdue: false,
    dueNext90Days: false,
    version: 1,
    ...overrides,
  };
}

function plan(id: string, actions: ActionSummaryDto[]): PlanActions {
  return { id, title: `Plan ${id}`, today: '2025-07-15', actions };
}

describe('actions in the tables of the dashboard and plan pages', () => {
  it('links each action to its page and history, with its due as written and its leads', () => {
    expect(actionRow(plan('p 1', []), action('a/1'))).toEqual({
      href: '/plans/p%201/actions/a%2F1',
      historyHref: '/plans/p%201/actions/a%2F1/history',
      ref: 'A/1',
      title: 'Action a/1',
      planTitle: 'Plan p 1',
      due: 'June 2025',
      leads: 'Human Resources, Policy',
      status: { text: 'In progress', classes: 'govuk-tag--blue' },
      rag: { text: 'Amber', classes: 'govuk-tag--orange' },
      overdue: false,
    });
  });

  it('writes the due date itself when the council wrote no due', () => {
    const unwritten = action('a', {
      due: { text: null, kind: 'date', dates: ['2025-06-30'], final: '2025-06-30', frequency: null },
    });
    expect(actionRow(plan('p', []), unwritten).due).toBe('30 June 2025');
  });

  it('lists overdue actions across plans, longest overdue first', () => {
    const late = (id: string, final: string) =>
      action(id, { overdue: true, due: { text: id, kind: 'date', dates: [final], final, frequency: null } });
    const rows = overdueActions([
      plan('p-1', [late('b', '2025-03-31'), action('not-late')]),
      plan('p-2', [late('a', '2024-12-31')]),
    ]);
    expect(rows.map((row) => [row.ref, row.planTitle])).toEqual([
      ['A', 'Plan p-2'],
      ['B', 'Plan p-1'],
    ]);
  });

  it('lists actions due in the next 90 days, the soonest first, with the date that is due', () => {
    const milestones = action('m', {
      dueNext90Days: true,
      due: {
        text: 'June and Sept 2025',
        kind: 'milestones',
        dates: ['2025-06-30', '2025-09-30'],
        final: '2025-09-30',
        frequency: null,
      },
    });
    const soon = action('s', {
      dueNext90Days: true,
      due: { text: 'August 2025', kind: 'date', dates: ['2025-08-31'], final: '2025-08-31', frequency: null },
    });
    const rows = actionsDueSoon([plan('p', [milestones, soon, action('later')])]);
    expect(rows.map((row) => [row.ref, row.nextDue])).toEqual([
      ['S', '31 August 2025'],
      ['M', '30 September 2025'],
    ]);
    expect(nextDueDate(milestones, '2025-10-01')).toBeNull();
  });
});
