import type { ActionPlanEvent } from '../../domain/action-plan.js';
import { summarisePlanEvent } from './plan-history-summaries.js';

const ids = { planId: 'p1', strategyId: 's1' };

describe("a plan's history in words", () => {
  it.each<[string, ActionPlanEvent, string]>([
    [
      'drafted',
      {
        type: 'ActionPlanDrafted',
        data: { ...ids, title: 'Equality Action Plan 2024-2026', period: { from: '2024-04-01', to: '2026-03-31' } },
      },
      'Drafted "Equality Action Plan 2024-2026" for 1 April 2024 to 31 March 2026',
    ],
    ['submitted', { type: 'ActionPlanSubmitted', data: ids }, 'Submitted for approval'],
    [
      'returned',
      { type: 'ActionPlanReturned', data: { ...ids, reason: 'Action 1.1 needs a lead.\nAdd one.' } },
      'Returned to draft: "Action 1.1 needs a lead. Add one."',
    ],
    ['approved', { type: 'ActionPlanApproved', data: { ...ids, approvedOn: '2024-05-01' } }, 'Approved on 1 May 2024'],
    [
      'published',
      { type: 'ActionPlanPublished', data: { ...ids, publishedOn: '2024-05-02' } },
      'Published on 2 May 2024',
    ],
    [
      'closed without a reason',
      { type: 'ActionPlanClosed', data: { ...ids, closedOn: '2026-03-31', reason: null } },
      'Closed on 31 March 2026',
    ],
    [
      'closed with a reason',
      { type: 'ActionPlanClosed', data: { ...ids, closedOn: '2025-09-30', reason: 'Superseded by the 2025 plan' } },
      'Closed on 30 September 2025: "Superseded by the 2025 plan"',
    ],
    [
      'discarded',
      { type: 'ActionPlanDiscarded', data: { ...ids, reason: 'A second import' } },
      'Discarded the draft: "A second import"',
    ],
    [
      'discarded without a reason',
      { type: 'ActionPlanDiscarded', data: { ...ids, reason: null } },
      'Discarded the draft',
    ],
    ['an action added', { type: 'ActionRegistered', data: { ...ids, actionId: 'a1', ref: '2.3' } }, 'Added action 2.3'],
    [
      'an action without a reference added',
      { type: 'ActionRegistered', data: { ...ids, actionId: 'a2', ref: null } },
      'Added an action without a reference',
    ],
  ])('says what was done when the plan was %s', (_, event, words) => {
    expect(summarisePlanEvent(event)).toBe(words);
  });
});
