import {
  ACTION_PLAN_STATUSES,
  actionPlanDecider,
  assertPlanOpenForChanges,
  type ActionPlanEvent,
  type ActionPlanStatus,
  type DraftActionPlan,
} from './action-plan.js';
import { scenario, thrownBy } from '@due-regard/testing';

const given = scenario(actionPlanDecider);
const planId = 'plan-charnwood-2024-2026';
const strategyId = 'strategy-charnwood-2024';
const ids = { planId, strategyId };

// Charnwood Borough Council, Equality Strategy Action Plan 2024 – 2026, under the 2024-2028 strategy.
const draft: DraftActionPlan = {
  type: 'DraftActionPlan',
  planId,
  strategy: { strategyId, status: 'published', period: { from: '2024-04-01', to: '2028-03-31' } },
  title: 'Equality Strategy Action Plan 2024 – 2026',
  period: { from: '2024-04-01', to: '2026-03-31' },
};

const drafted: ActionPlanEvent = {
  type: 'ActionPlanDrafted',
  data: {
    ...ids,
    title: 'Equality Strategy Action Plan 2024 – 2026',
    period: { from: '2024-04-01', to: '2026-03-31' },
  },
};
const registered13: ActionPlanEvent = {
  type: 'ActionRegistered',
  data: { ...ids, actionId: 'action-1-3', ref: '1.3' },
};
const submitted: ActionPlanEvent = { type: 'ActionPlanSubmitted', data: ids };
const approved: ActionPlanEvent = { type: 'ActionPlanApproved', data: { ...ids, approvedOn: '2024-03-20' } };
const published: ActionPlanEvent = { type: 'ActionPlanPublished', data: { ...ids, publishedOn: '2024-04-02' } };
const closed: ActionPlanEvent = { type: 'ActionPlanClosed', data: { ...ids, closedOn: '2026-04-30', reason: null } };
const discarded: ActionPlanEvent = {
  type: 'ActionPlanDiscarded',
  data: { ...ids, reason: 'A second import of the same plan' },
};

const historyIn: Record<ActionPlanStatus, ActionPlanEvent[]> = {
  draft: [drafted, registered13],
  submitted: [drafted, registered13, submitted],
  approved: [drafted, registered13, submitted, approved],
  published: [drafted, registered13, submitted, approved, published],
  closed: [drafted, registered13, submitted, approved, published, closed],
  discarded: [drafted, registered13, discarded],
};

describe('drafting an action plan', () => {
  it('records the draft under its strategy', () => {
    given().when(draft).then(drafted);
  });

  it('drafts under a strategy that is itself still a draft or adopted', () => {
    given()
      .when({ ...draft, strategy: { ...draft.strategy, status: 'draft' } })
      .then(drafted);
    given()
      .when({ ...draft, strategy: { ...draft.strategy, status: 'adopted' } })
      .then(drafted);
  });

  it('refuses a plan under an archived strategy', () => {
    given()
      .when({ ...draft, strategy: { ...draft.strategy, status: 'archived' } })
      .thenRefused('strategy_archived', 'strategyId');
  });

  it("refuses a period outside the strategy's", () => {
    given()
      .when({ ...draft, period: { from: '2024-01-01', to: '2026-03-31' } })
      .thenRefused('plan_outside_strategy_period', 'period');
    given()
      .when({ ...draft, period: { from: '2026-04-01', to: '2028-12-31' } })
      .thenRefused('plan_outside_strategy_period', 'period');
  });

  it('refuses a blank title or a period that does not end after it starts', () => {
    given()
      .when({ ...draft, title: '' })
      .thenRefused('title_required', 'title');
    given()
      .when({ ...draft, period: { from: '2026-03-31', to: '2024-04-01' } })
      .thenRefused('period_ends_before_it_starts', 'period.to');
  });

  it('refuses to draft the same plan twice', () => {
    given(drafted).when(draft).thenConflicts('action_plan_exists');
  });
});

describe('registering an action and its reference', () => {
  const register = { type: 'RegisterAction', planId, actionId: 'action-1-4', ref: ' 1.4 ' } as const;

  it('records the action with its tidied reference', () => {
    given(drafted, registered13)
      .when(register)
      .then({ type: 'ActionRegistered', data: { ...ids, actionId: 'action-1-4', ref: '1.4' } });
  });

  it('records actions without a reference (Leicestershire numbers none)', () => {
    const unnumbered: ActionPlanEvent = { type: 'ActionRegistered', data: { ...ids, actionId: 'a', ref: null } };
    given(drafted, unnumbered)
      .when({ ...register, actionId: 'b', ref: '' })
      .then({ type: 'ActionRegistered', data: { ...ids, actionId: 'b', ref: null } });
  });

  it('refuses a reference another action of the plan has', () => {
    given(drafted, registered13)
      .when({ ...register, ref: '1.3' })
      .thenRefused('duplicate_action_ref', 'ref');
    given(drafted, registered13)
      .when({ ...register, ref: ' 1. 3' })
      .thenRefused('duplicate_action_ref', 'ref');
  });

  it('records nothing when the same action is registered again with the same reference (a retried add)', () => {
    given(drafted, registered13)
      .when({ ...register, actionId: 'action-1-3', ref: '1.3' })
      .thenNothingHappens();
  });

  it('refuses the same action under another reference', () => {
    given(drafted, registered13)
      .when({ ...register, actionId: 'action-1-3', ref: '1.9' })
      .thenConflicts('action_exists');
  });

  it('registers actions in a published plan', () => {
    given(...historyIn.published)
      .when(register)
      .then({ type: 'ActionRegistered', data: { ...ids, actionId: 'action-1-4', ref: '1.4' } });
  });

  it('refuses actions while the plan is with its approver', () => {
    given(...historyIn.submitted)
      .when(register)
      .thenRefused('plan_under_approval');
    given(...historyIn.approved)
      .when(register)
      .thenRefused('plan_under_approval');
  });

  it('refuses actions in a closed plan', () => {
    given(...historyIn.closed)
      .when(register)
      .thenRefused('plan_closed');
  });

  it('refuses actions for a plan that was never drafted', () => {
    given().when(register).thenNotFound();
  });

  it('refuses actions in a discarded draft', () => {
    given(...historyIn.discarded)
      .when(register)
      .thenRefused('plan_discarded');
  });
});

describe('discarding a draft plan', () => {
  it('records the discarding and why, and the plan takes no more steps', () => {
    given(drafted, registered13)
      .when({ type: 'DiscardActionPlan', planId, reason: ' A second import of the same plan ' })
      .then(discarded);
  });

  it('discards a draft without saying why', () => {
    given(drafted)
      .when({ type: 'DiscardActionPlan', planId, reason: '  ' })
      .then({ type: 'ActionPlanDiscarded', data: { ...ids, reason: null } });
  });

  it.each<ActionPlanStatus>(['submitted', 'approved', 'published', 'closed', 'discarded'])(
    'refuses a plan that is %s',
    (status) => {
      given(...historyIn[status])
        .when({ type: 'DiscardActionPlan', planId, reason: null })
        .thenRefused('plan_not_draft');
    },
  );

  it('cannot be submitted or closed once discarded', () => {
    given(...historyIn.discarded)
      .when({ type: 'SubmitActionPlan', planId })
      .thenRefused('plan_not_draft');
    given(...historyIn.discarded)
      .when({ type: 'CloseActionPlan', planId, closedOn: '2026-04-30', reason: null })
      .thenRefused('plan_discarded');
  });

  it('refuses a plan that was never drafted', () => {
    given().when({ type: 'DiscardActionPlan', planId, reason: null }).thenNotFound();
  });
});

describe('submitting a plan for approval', () => {
  it('records the submission', () => {
    given(drafted, registered13).when({ type: 'SubmitActionPlan', planId }).then(submitted);
  });

  it('refuses a plan without actions', () => {
    given(drafted).when({ type: 'SubmitActionPlan', planId }).thenRefused('plan_has_no_actions');
  });

  it.each<ActionPlanStatus>(['submitted', 'approved', 'published', 'closed'])('refuses a plan that is %s', (status) => {
    given(...historyIn[status])
      .when({ type: 'SubmitActionPlan', planId })
      .thenRefused('plan_not_draft');
  });
});

describe('returning a submitted plan to draft', () => {
  it('records the return and why', () => {
    given(...historyIn.submitted)
      .when({ type: 'ReturnActionPlan', planId, reason: ' Add success measures to 2.4 ' })
      .then({ type: 'ActionPlanReturned', data: { ...ids, reason: 'Add success measures to 2.4' } });
  });

  it('leaves the plan a draft again, open to changes and to resubmission', () => {
    const returned: ActionPlanEvent = { type: 'ActionPlanReturned', data: { ...ids, reason: 'More detail' } };
    given(...historyIn.submitted, returned)
      .when({ type: 'SubmitActionPlan', planId })
      .then(submitted);
    given(...historyIn.submitted, returned)
      .when({ type: 'RegisterAction', planId, actionId: 'action-1-4', ref: '1.4' })
      .then({ type: 'ActionRegistered', data: { ...ids, actionId: 'action-1-4', ref: '1.4' } });
  });

  it('refuses a return without a reason', () => {
    given(...historyIn.submitted)
      .when({ type: 'ReturnActionPlan', planId, reason: ' ' })
      .thenRefused('reason_required', 'reason');
  });

  it.each<ActionPlanStatus>(['draft', 'approved', 'published', 'closed'])('refuses a plan that is %s', (status) => {
    given(...historyIn[status])
      .when({ type: 'ReturnActionPlan', planId, reason: 'Why' })
      .thenRefused('plan_not_submitted');
  });
});

describe('approving a plan', () => {
  it('records the approval', () => {
    given(...historyIn.submitted)
      .when({ type: 'ApproveActionPlan', planId, approvedOn: '2024-03-20' })
      .then(approved);
  });

  it.each<ActionPlanStatus>(['draft', 'approved', 'published', 'closed'])('refuses a plan that is %s', (status) => {
    given(...historyIn[status])
      .when({ type: 'ApproveActionPlan', planId, approvedOn: '2024-03-20' })
      .thenRefused('plan_not_submitted');
  });

  it('refuses an approval date that is not a date', () => {
    given(...historyIn.submitted)
      .when({ type: 'ApproveActionPlan', planId, approvedOn: 'yesterday' })
      .thenRefused('invalid_date', 'approvedOn');
  });
});

describe('publishing a plan', () => {
  it('records the publication', () => {
    given(...historyIn.approved)
      .when({ type: 'PublishActionPlan', planId, publishedOn: '2024-04-02' })
      .then(published);
  });

  it.each<ActionPlanStatus>(['draft', 'submitted', 'published', 'closed'])('refuses a plan that is %s', (status) => {
    given(...historyIn[status])
      .when({ type: 'PublishActionPlan', planId, publishedOn: '2024-04-02' })
      .thenRefused('plan_not_approved');
  });

  it('refuses a publication date before the approval', () => {
    given(...historyIn.approved)
      .when({ type: 'PublishActionPlan', planId, publishedOn: '2024-03-19' })
      .thenRefused('published_before_approved', 'publishedOn');
  });

  it('refuses a publication date that is not a date', () => {
    given(...historyIn.approved)
      .when({ type: 'PublishActionPlan', planId, publishedOn: '2024-13-01' })
      .thenRefused('invalid_date', 'publishedOn');
  });
});

describe('closing a plan', () => {
  it.each<ActionPlanStatus>(['draft', 'submitted', 'approved', 'published'])('closes a plan that is %s', (status) => {
    given(...historyIn[status])
      .when({ type: 'CloseActionPlan', planId, closedOn: '2026-04-30', reason: ' Period ended ' })
      .then({ type: 'ActionPlanClosed', data: { ...ids, closedOn: '2026-04-30', reason: 'Period ended' } });
  });

  it('refuses to close a plan twice', () => {
    given(...historyIn.closed)
      .when({ type: 'CloseActionPlan', planId, closedOn: '2026-05-01', reason: null })
      .thenRefused('plan_closed');
  });

  it('refuses a closing date that is not a date', () => {
    given(...historyIn.published)
      .when({ type: 'CloseActionPlan', planId, closedOn: '30/04/2026', reason: null })
      .thenRefused('invalid_date', 'closedOn');
  });

  it('refuses to close a plan that was never drafted', () => {
    given().when({ type: 'CloseActionPlan', planId, closedOn: '2026-04-30', reason: null }).thenNotFound();
  });
});

describe('whether a plan is open for changes to its actions', () => {
  it.each<[ActionPlanStatus, string | null]>([
    ['draft', null],
    ['submitted', 'plan_under_approval'],
    ['approved', 'plan_under_approval'],
    ['published', null],
    ['closed', 'plan_closed'],
    ['discarded', 'plan_discarded'],
  ])('a %s plan: %s', (status, refusal) => {
    if (refusal === null) expect(() => assertPlanOpenForChanges(status)).not.toThrow();
    else expect(thrownBy(() => assertPlanOpenForChanges(status))).toMatchObject({ code: refusal });
  });

  it('covers every status', () => {
    expect([...ACTION_PLAN_STATUSES].sort()).toEqual(Object.keys(historyIn).sort());
  });
});

describe('the plan as its events leave it', () => {
  it('knows its status, dates and registered actions', () => {
    const { state } = given(...historyIn.published);
    expect(state).toMatchObject({
      status: 'published',
      approvedOn: '2024-03-20',
      publishedOn: '2024-04-02',
      closedOn: null,
      actions: [{ actionId: 'action-1-3', ref: '1.3' }],
    });
  });
});
