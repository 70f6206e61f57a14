import { COUNCIL_ROLES } from '@due-regard/identity';
import { ACTION_PLAN_STATUSES } from '@due-regard/plans';
import { lifecycleForms, mayAddToPlan, mayReturnToDraft } from './plan-permissions.js';

const actions = (...args: Parameters<typeof lifecycleForms>) => lifecycleForms(...args).map((form) => form.action);

describe('the plan lifecycle buttons a person is shown', () => {
  it('offers a council admin the one next step of each status, and nothing on a closed plan', () => {
    expect(ACTION_PLAN_STATUSES.map((status) => [status, actions(status, ['council-admin'])])).toEqual([
      ['draft', ['submit']],
      ['submitted', ['approve']],
      ['approved', ['publish']],
      ['published', ['close']],
      ['closed', []],
    ]);
  });

  it('lets a plan editor submit a draft, and nothing else', () => {
    expect(ACTION_PLAN_STATUSES.flatMap((status) => actions(status, ['plan-editor']))).toEqual(['submit']);
  });

  it('shows readers, action leads and auditors no buttons at all', () => {
    for (const status of ACTION_PLAN_STATUSES) {
      expect(actions(status, ['viewer', 'action-lead', 'auditor'])).toEqual([]);
    }
  });

  it('labels each button, closing as a warning', () => {
    expect(lifecycleForms('published', ['council-admin'])).toEqual([
      { action: 'close', label: 'Close plan', warning: true },
    ]);
    expect(lifecycleForms('draft', [...COUNCIL_ROLES])).toEqual([
      { action: 'submit', label: 'Submit for approval', warning: false },
    ]);
  });
});

describe('who is offered to add actions and objectives', () => {
  it('is editors and admins, on any plan that is not closed', () => {
    expect(mayAddToPlan('published', ['plan-editor'])).toBe(true);
    expect(mayAddToPlan('draft', ['council-admin'])).toBe(true);
    expect(mayAddToPlan('closed', ['council-admin', 'plan-editor'])).toBe(false);
    expect(mayAddToPlan('draft', ['viewer', 'action-lead', 'auditor'])).toBe(false);
  });
});

describe('who is offered to return a plan to draft', () => {
  it('is a council admin, on a submitted plan only', () => {
    expect(ACTION_PLAN_STATUSES.filter((status) => mayReturnToDraft(status, ['council-admin']))).toEqual(['submitted']);
    expect(mayReturnToDraft('submitted', ['plan-editor', 'action-lead', 'viewer', 'auditor'])).toBe(false);
  });
});
