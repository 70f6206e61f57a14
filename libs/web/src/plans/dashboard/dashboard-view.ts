import type { PlanDetailDto, RecentActionChangeDto } from '@due-regard/plans';
import { actionHref } from '../shared/action-rows.js';
import { planFigureCharts, type FiguresChart } from '../shared/plan-figures.js';
import { actionStatusTag, percentComplete, periodWords, type Tag } from '../shared/wording.js';
import { ukDate, ukDateTime } from '../../rendering/uk-dates.js';

export interface DashboardPlan {
  readonly title: string;
  readonly href: string;
  readonly period: string;
  readonly actions: number;
  readonly completed: number;
  readonly percentComplete: number;
  readonly overdue: number;
  readonly dueNext90Days: number;
  readonly lastProgressOn: string | null;
  readonly byStatus: FiguresChart;
  readonly byRag: FiguresChart;
}

export function dashboardPlan(plan: PlanDetailDto): DashboardPlan {
  const charts = planFigureCharts(plan);
  return {
    title: plan.title,
    href: `/plans/${encodeURIComponent(plan.id)}`,
    period: periodWords(plan.period),
    actions: plan.dashboard.actions,
    completed: plan.dashboard.byStatus.completed,
    percentComplete: percentComplete(plan.dashboard.byStatus),
    overdue: plan.dashboard.overdue,
    dueNext90Days: plan.dashboard.dueNext90Days,
    lastProgressOn: plan.dashboard.lastUpdate.progressOn === null ? null : ukDate(plan.dashboard.lastUpdate.progressOn),
    byStatus: charts.byStatus,
    byRag: charts.byRag,
  };
}

export interface RecentChangeRow {
  readonly when: string;
  readonly href: string;
  readonly ref: string;
  readonly title: string;
  readonly planTitle: string;
  readonly status: Tag;
}

export function recentChangeRow(change: RecentActionChangeDto): RecentChangeRow {
  return {
    when: ukDateTime(change.changedAt),
    href: actionHref(change.planId, change.actionId),
    ref: change.ref ?? '',
    title: change.title,
    planTitle: change.planTitle,
    status: actionStatusTag(change.status),
  };
}
