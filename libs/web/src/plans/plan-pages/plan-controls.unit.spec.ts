import { COUNCIL_ROLES, type CouncilRole } from '@due-regard/identity';
import { ACTION_PLAN_STATUSES, STRATEGY_STATUSES, type ActionPlanStatus, type StrategyStatus } from '@due-regard/plans';
import { planControls } from './plan-controls.js';

const controls = (
  status: ActionPlanStatus,
  roles: readonly CouncilRole[],
  strategyStatus: StrategyStatus = 'published',
) => planControls({ roles, teams: [] }, { id: 'plan-1', status, strategyId: 'strategy-1', strategyStatus });
const buttons = (status: ActionPlanStatus, roles: readonly CouncilRole[]) =>
  controls(status, roles).lifecycleForms.map((form) => form.action);

describe('the plan lifecycle buttons a person is shown', () => {
  it('offers a council admin the one next step of each status, and nothing on a closed plan', () => {
    expect(ACTION_PLAN_STATUSES.map((status) => [status, buttons(status, ['council-admin'])])).toEqual([
      ['draft', ['submit']],
      ['submitted', ['approve']],
      ['approved', ['publish']],
      ['published', ['close']],
      ['closed', []],
      ['discarded', []],
    ]);
  });

  it('lets a plan editor submit a draft, and nothing else', () => {
    expect(ACTION_PLAN_STATUSES.flatMap((status) => buttons(status, ['plan-editor']))).toEqual(['submit']);
  });

  it('shows readers, action leads and auditors no buttons at all', () => {
    for (const status of ACTION_PLAN_STATUSES) {
      expect(buttons(status, ['viewer', 'action-lead', 'auditor'])).toEqual([]);
    }
  });

  it('labels each button, closing as a warning; publishing and closing are confirmed on a page first', () => {
    expect(controls('published', ['council-admin']).lifecycleForms).toEqual([
      { action: 'close', label: 'Close plan', warning: true, confirm: true },
    ]);
    expect(controls('approved', ['council-admin']).lifecycleForms).toEqual([
      { action: 'publish', label: 'Publish plan', warning: false, confirm: true },
    ]);
    expect(controls('draft', [...COUNCIL_ROLES]).lifecycleForms).toEqual([
      { action: 'submit', label: 'Submit for approval', warning: false, confirm: false },
    ]);
  });
});

describe('who is offered to add actions and objectives', () => {
  it('offers "Add an action" to editors and admins while the plan takes new actions: a draft or published', () => {
    const offered = (roles: readonly CouncilRole[]) =>
      ACTION_PLAN_STATUSES.filter((status) => controls(status, roles).addActionHref !== null);
    expect(offered(['plan-editor'])).toEqual(['draft', 'published']);
    expect(offered(['council-admin'])).toEqual(['draft', 'published']);
    expect(offered(['viewer', 'action-lead', 'auditor'])).toEqual([]);
    expect(controls('draft', ['plan-editor']).addActionHref).toBe('/plans/plan-1/actions/new');
  });

  it('offers "Add an objective" to editors and admins while the strategy is not archived, coming back to the plan', () => {
    const offered = (roles: readonly CouncilRole[]) =>
      STRATEGY_STATUSES.filter((status) => controls('published', roles, status).addObjectiveHref !== null);
    expect(offered(['plan-editor'])).toEqual(['draft', 'adopted', 'published']);
    expect(offered(['viewer', 'action-lead', 'auditor'])).toEqual([]);
    expect(controls('draft', ['council-admin']).addObjectiveHref).toBe(
      '/strategies/strategy-1/objectives/new?plan=plan-1',
    );
    const unknownStrategy = planControls(
      { roles: ['council-admin'], teams: [] },
      { id: 'plan-1', status: 'draft', strategyId: 'strategy-1', strategyStatus: null },
    );
    expect(unknownStrategy.addObjectiveHref).toBeNull();
  });
});

describe('who is offered to return a plan to draft', () => {
  it('is a council admin, on a submitted plan only', () => {
    expect(ACTION_PLAN_STATUSES.filter((status) => controls(status, ['council-admin']).returnHref !== null)).toEqual([
      'submitted',
    ]);
    expect(controls('submitted', ['council-admin']).returnHref).toBe('/plans/plan-1/return');
    expect(controls('submitted', ['plan-editor', 'action-lead', 'viewer', 'auditor']).returnHref).toBeNull();
  });
});

describe('who is offered to discard a draft', () => {
  it('is an editor or an admin, on a draft only', () => {
    const offered = (roles: readonly CouncilRole[]) =>
      ACTION_PLAN_STATUSES.filter((status) => controls(status, roles).discardHref !== null);
    expect(offered(['plan-editor'])).toEqual(['draft']);
    expect(offered(['council-admin'])).toEqual(['draft']);
    expect(offered(['viewer', 'action-lead', 'auditor'])).toEqual([]);
    expect(controls('draft', ['plan-editor']).discardHref).toBe('/plans/plan-1/discard');
  });
});
