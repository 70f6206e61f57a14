import { ACTION_PLAN_STATUSES, type PlanListDto } from '@due-regard/plans';
import { isPublicPlan, publicPlanLists } from './public-plans-view.js';

const listed = (status: (typeof ACTION_PLAN_STATUSES)[number]): PlanListDto['plans'][number] => ({
  id: `plan-${status}`,
  strategyId: 's-1',
  title: `A ${status} plan`,
  period: { from: '2024-04-01', to: '2026-03-31' },
  status,
  approvedOn: null,
  publishedOn: null,
  closedOn: null,
  version: 1,
  changedAt: '2025-01-01T00:00:00.000Z',
  actions: 3,
});

describe('what residents may see', () => {
  it('shows published plans, and closed ones as earlier plans, and nothing that was never published', () => {
    const { current, earlier } = publicPlanLists(ACTION_PLAN_STATUSES.map(listed));
    expect(current.map((plan) => plan.status)).toEqual(['published']);
    expect(earlier.map((plan) => plan.status)).toEqual(['closed']);
  });

  it('lets a plan page open only for published and closed plans', () => {
    expect(ACTION_PLAN_STATUSES.filter((status) => isPublicPlan({ status }))).toEqual(['published', 'closed']);
  });
});
