import type { ActionSummaryDto, DashboardFigures, PlanDetailDto } from '@due-regard/plans';

/** Dashboard figures from counts by status and RAG (the rest 0); the total is the statuses' sum. */
export function dashboardFigures(
  byStatus: Partial<DashboardFigures['byStatus']> = {},
  byRag: Partial<DashboardFigures['byRag']> = {},
): DashboardFigures {
  const statuses = {
    'not-started': 0,
    'in-progress': 0,
    completed: 0,
    ongoing: 0,
    deferred: 0,
    cancelled: 0,
    ...byStatus,
  };
  return {
    actions: Object.values(statuses).reduce((sum, count) => sum + count, 0),
    byStatus: statuses,
    byRag: { red: 0, amber: 0, green: 0, none: 0, ...byRag },
    overdue: 0,
    dueNext90Days: 0,
    lastUpdate: { progressOn: null, changedAt: null },
  };
}

/** An objective of a plan read model, in force, with no actions unless its figures say so. */
type PlanObjectiveDto = PlanDetailDto['objectives'][number];

export function objectiveDto(id: string, overrides: Partial<PlanObjectiveDto> = {}): PlanObjectiveDto {
  return {
    id,
    ref: null,
    title: `Objective ${id}`,
    description: null,
    psedAims: [],
    eflgModules: [],
    group: null,
    retired: false,
    dashboard: dashboardFigures(),
    ...overrides,
  };
}

/** A published plan read model, on 1 January 2025, with these objectives and actions. */
export function planDetailDto(
  objectives: PlanDetailDto['objectives'],
  actions: readonly ActionSummaryDto[],
  overrides: Partial<PlanDetailDto> = {},
): PlanDetailDto {
  return {
    id: 'p-1',
    strategyId: 's-1',
    title: 'Plan',
    period: { from: '2024-04-01', to: '2026-03-31' },
    status: 'published',
    approvedOn: null,
    publishedOn: null,
    closedOn: null,
    version: 1,
    changedAt: '2025-01-01T00:00:00.000Z',
    strategy: null,
    today: '2025-01-01',
    dashboard: dashboardFigures(),
    objectives,
    actions: [...actions],
    filters: {},
    ...overrides,
  };
}
