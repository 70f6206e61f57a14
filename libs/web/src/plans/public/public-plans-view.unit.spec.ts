import { ACTION_PLAN_STATUSES, type ActionSummaryDto, type PlanListDto } from '@due-regard/plans';
import { dashboardFigures, objectiveDto, planDetailDto } from '../../testing/plan-details.js';
import { isPublicPlan, publicPlanLists, publicPlanPage } from './public-plans-view.js';

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

describe('overdue actions on the public pages', () => {
  const action = (id: string, overdue: boolean): ActionSummaryDto => ({
    id,
    ref: id,
    title: `Action ${id}`,
    objectiveId: 'o-1',
    objectiveRef: null,
    due: { text: 'June 2024', kind: 'date', dates: ['2024-06-30'], final: '2024-06-30', frequency: null },
    status: 'not-started',
    rag: 'none',
    statusReason: null,
    leads: [],
    protectedCharacteristics: [],
    lastUpdate: { on: null, narrative: null, changedAt: '2025-01-01T00:00:00.000Z' },
    overdue,
    dueNext90Days: false,
    version: 1,
  });

  it('says which actions are past their due date, and how many, as the dashboard counts them', () => {
    const figures = { ...dashboardFigures({ 'not-started': 2 }), overdue: 1 };
    const page = publicPlanPage(
      planDetailDto([objectiveDto('o-1', { dashboard: figures })], [action('1.1', true), action('1.2', false)], {
        dashboard: figures,
      }),
    );
    expect(page.progress.overdue).toBe(1);
    expect(page.objectives[0]?.actions.map((shown) => [shown.ref, shown.status, shown.overdue])).toEqual([
      ['1.1', 'Not started yet', true],
      ['1.2', 'Not started yet', false],
    ]);
  });
});
