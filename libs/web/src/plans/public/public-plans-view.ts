import {
  ACTION_STATUSES,
  type ActionPlanStatus,
  type ActionStatus,
  type DashboardFigures,
  type PlanDetailDto,
  type PlanListDto,
} from '@due-regard/plans';
import { objectiveName } from '../shared/plan-figures.js';
import { percentComplete, periodWords, publicStatusWords } from '../shared/wording.js';
import { ukDate } from '../../rendering/uk-dates.js';

/**
 * What residents may see: plans the council published, and those it published and has since
 * closed. Drafts, and plans submitted or approved but not yet published, never.
 */
const PUBLIC_STATUSES: readonly ActionPlanStatus[] = ['published', 'closed'];

export function isPublicPlan(plan: { readonly status: ActionPlanStatus }): boolean {
  return PUBLIC_STATUSES.includes(plan.status);
}

/** The council's plans residents may see: current (published) ones, and closed ones. */
export function publicPlanLists(plans: PlanListDto['plans']): {
  current: PlanListDto['plans'];
  earlier: PlanListDto['plans'];
} {
  return {
    current: plans.filter((plan) => plan.status === 'published'),
    earlier: plans.filter((plan) => plan.status === 'closed'),
  };
}

export interface ProgressCount {
  readonly words: string;
  readonly count: number;
}

function progressCounts(byStatus: Readonly<Record<ActionStatus, number>>): ProgressCount[] {
  return ACTION_STATUSES.filter((status) => byStatus[status] > 0).map((status) => ({
    words: publicStatusWords(status),
    count: byStatus[status],
  }));
}

export interface PublicProgress {
  readonly actions: number;
  readonly done: number;
  readonly percentDone: number;
  readonly counts: readonly ProgressCount[];
  /** Past their due date and neither done nor stopped: as the dashboard counts them. */
  readonly overdue: number;
}

function progressOf(figures: DashboardFigures): PublicProgress {
  return {
    actions: figures.actions,
    done: figures.byStatus.completed,
    percentDone: percentComplete(figures.byStatus),
    counts: progressCounts(figures.byStatus),
    overdue: figures.overdue,
  };
}

export interface PublicPlanSummary {
  readonly title: string;
  readonly href: string;
  readonly period: string;
  readonly closed: boolean;
  readonly progress: PublicProgress;
  readonly objectives: readonly { readonly name: string; readonly progress: PublicProgress }[];
}

export function publicPlanSummary(plan: PlanDetailDto): PublicPlanSummary {
  return {
    title: plan.title,
    href: `/public/plans/${encodeURIComponent(plan.id)}`,
    period: periodWords(plan.period),
    closed: plan.status === 'closed',
    progress: progressOf(plan.dashboard),
    objectives: plan.objectives
      .filter((objective) => objective.dashboard.actions > 0)
      .map((objective) => ({ name: objectiveName(objective), progress: progressOf(objective.dashboard) })),
  };
}

export interface PublicAction {
  readonly ref: string;
  readonly title: string;
  readonly due: string;
  readonly status: string;
  /** Past its due date and neither done nor stopped, as the dashboard says. */
  readonly overdue: boolean;
  readonly latestProgress: string | null;
  readonly latestProgressOn: string | null;
}

/** A published plan for residents: each objective with its actions, where each stands and the latest news. */
export function publicPlanPage(plan: PlanDetailDto) {
  return {
    ...publicPlanSummary(plan),
    publishedOn: ukDate(plan.publishedOn),
    closedOn: ukDate(plan.closedOn),
    objectives: plan.objectives
      .filter((objective) => plan.actions.some((action) => action.objectiveId === objective.id))
      .map((objective) => ({
        name: objectiveName(objective),
        description: objective.description,
        progress: progressOf(objective.dashboard),
        actions: plan.actions
          .filter((action) => action.objectiveId === objective.id)
          .map((action): PublicAction => ({
            ref: action.ref ?? '',
            title: action.title,
            due: action.due.text ?? ukDate(action.due.final),
            status: publicStatusWords(action.status),
            overdue: action.overdue,
            latestProgress: action.lastUpdate.narrative,
            latestProgressOn: action.lastUpdate.on === null ? null : ukDate(action.lastUpdate.on),
          })),
      })),
  };
}
