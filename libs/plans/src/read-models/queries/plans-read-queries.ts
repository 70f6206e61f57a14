import { Inject, Injectable } from '@nestjs/common';
import { CouncilReadModels } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import type { ActionStatus } from '../../domain/action.js';
import type { Rag } from '../../domain/rag.js';
import {
  ActionReadModel,
  MeasureReadModel,
  ObjectiveReadModel,
  PlanReadModel,
  StrategyReadModel,
  type ActionReadModelRow,
  type ObjectiveReadModelRow,
  type PlanReadModelRow,
  type StrategyReadModelRow,
} from '../schema/entities.js';
import type { CouncilCalendar } from '../../domain/next-due.js';
import { dueAction, type DueActionDto } from './whats-due.js';
import { dashboardFigures, isDueSoon, isOverdue, ukDate, type DashboardFigures } from './dashboard.js';
import type {
  ActionSummaryDto,
  MeasureSummaryDto,
  ObjectiveDto,
  PlanDetailDto,
  PlanListDto,
  RecentActionChangeDto,
  StrategyDetailDto,
  StrategyListDto,
} from './read-model-dtos.js';

export interface ActionFilters {
  readonly objectiveId?: string;
  readonly status?: ActionStatus;
  readonly rag?: Rag;
  /** A lead team, matched whole and ignoring case. */
  readonly lead?: string;
  readonly overdue?: boolean;
}

function changedAt(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function objectiveDto(row: ObjectiveReadModelRow): ObjectiveDto {
  return {
    id: row.objectiveId,
    ref: row.ref ?? null,
    title: row.title,
    description: row.description ?? null,
    psedAims: row.psedAims,
    eflgModules: row.eflgModules,
    group: row.groupKind ? { kind: row.groupKind, title: row.groupTitle ?? '' } : null,
    retired: row.retired,
  };
}

function strategySummary(row: StrategyReadModelRow) {
  return {
    id: row.strategyId,
    title: row.title,
    period: { from: row.periodFrom, to: row.periodTo },
    status: row.status,
    adoptedOn: row.adoptedOn ?? null,
    publishedOn: row.publishedOn ?? null,
    archivedOn: row.archivedOn ?? null,
    version: row.version,
    changedAt: changedAt(row.changedAt),
  };
}

function planSummary(row: PlanReadModelRow) {
  return {
    id: row.planId,
    strategyId: row.strategyId,
    title: row.title,
    period: { from: row.periodFrom, to: row.periodTo },
    status: row.status,
    approvedOn: row.approvedOn ?? null,
    publishedOn: row.publishedOn ?? null,
    closedOn: row.closedOn ?? null,
    version: row.version,
    changedAt: changedAt(row.changedAt),
  };
}

function dashboardInput(row: ActionReadModelRow) {
  return {
    objectiveId: row.objectiveId,
    status: row.status,
    rag: row.rag,
    dueDates: row.dueDates,
    dueFinal: row.dueFinal ?? null,
    latestUpdateOn: row.latestUpdateOn ?? null,
    changedAt: new Date(changedAt(row.changedAt)),
  };
}

/** An action's read-model row as the pages and the API list it. */
function actionSummary(row: ActionReadModelRow, objectiveRef: string | null, today: string): ActionSummaryDto {
  return {
    id: row.actionId,
    ref: row.ref ?? null,
    title: row.title,
    objectiveId: row.objectiveId,
    objectiveRef,
    due: {
      text: row.dueText ?? null,
      kind: row.dueKind,
      dates: row.dueDates,
      final: row.dueFinal ?? null,
      frequency: row.due.frequency,
    },
    status: row.status,
    rag: row.rag,
    statusReason: row.statusReason ?? null,
    leads: row.leads,
    protectedCharacteristics: row.protectedCharacteristics,
    lastUpdate: {
      on: row.latestUpdateOn ?? null,
      narrative: row.latestProgress?.narrative ?? null,
      changedAt: changedAt(row.changedAt),
    },
    overdue: isOverdue(dashboardInput(row), today),
    dueNext90Days: isDueSoon(dashboardInput(row), today),
    version: row.version,
  };
}

/**
 * A search across the council's plans (discarded drafts left out): words in an action's reference,
 * title, description or latest progress; its reference; a lead team (part of its name); its status
 * and RAG; a date of its due within a window, or overdue. All ignore case.
 */
export interface ActionSearch {
  readonly words?: string;
  readonly ref?: string;
  readonly lead?: string;
  readonly status?: ActionStatus;
  readonly rag?: Rag;
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly overdue?: boolean;
}

/** An action found, with the plan it belongs to. */
export interface FoundAction {
  readonly planId: string;
  readonly planTitle: string;
  readonly planStatus: PlanReadModelRow['status'];
  readonly action: ActionSummaryDto;
}

function matchesSearch(row: ActionReadModelRow, search: ActionSearch, today: string): boolean {
  const has = (text: string | null | undefined, part: string) =>
    (text ?? '').toLowerCase().includes(part.trim().toLowerCase());
  const words = (search.words ?? '').split(/\s+/).filter((word) => word !== '');
  const inDue = (date: string) =>
    (search.dueFrom === undefined || date >= search.dueFrom) && (search.dueTo === undefined || date <= search.dueTo);
  return (
    words.every(
      (word) =>
        has(row.ref, word) ||
        has(row.title, word) ||
        has(row.description, word) ||
        has(row.latestProgress?.narrative, word),
    ) &&
    (search.ref === undefined || (row.ref ?? '').trim().toLowerCase() === search.ref.trim().toLowerCase()) &&
    (search.lead === undefined || row.leads.some((team) => has(team, search.lead ?? ''))) &&
    (search.status === undefined || row.status === search.status) &&
    (search.rag === undefined || row.rag === search.rag) &&
    ((search.dueFrom === undefined && search.dueTo === undefined) || row.dueDates.some(inDue)) &&
    (search.overdue === undefined || isOverdue(dashboardInput(row), today) === search.overdue)
  );
}

/**
 * The read side of strategies and plans: MikroORM queries on the council's read models (confined
 * to the council of the request by row-level security), shaped for the API.
 */
@Injectable()
export class PlansReadQueries {
  constructor(
    private readonly readModels: CouncilReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  listStrategies(): Promise<StrategyListDto> {
    return this.readModels.read(async (em) => {
      const [strategies, objectives] = await Promise.all([
        em.find(StrategyReadModel, {}, { orderBy: { periodFrom: 'desc', title: 'asc' } }),
        em.find(ObjectiveReadModel, {}, { fields: ['strategyId', 'objectiveId', 'retired'] }),
      ]);
      return {
        strategies: strategies.map((row) => ({
          ...strategySummary(row),
          objectives: objectives.filter((o) => o.strategyId === row.strategyId && !o.retired).length,
        })),
      };
    });
  }

  strategy(strategyId: string): Promise<StrategyDetailDto | null> {
    return this.readModels.read(async (em) => {
      const row = await em.findOne(StrategyReadModel, { strategyId });
      if (row === null) return null;
      const objectives = (await em.find(ObjectiveReadModel, { strategyId }, { orderBy: { position: 'asc' } })).map(
        objectiveDto,
      );
      const groups: { kind: string; title: string; objectiveIds: string[] }[] = [];
      for (const objective of objectives) {
        if (objective.group === null || objective.retired) continue;
        const { kind, title } = objective.group;
        const group = groups.find((candidate) => candidate.kind === kind && candidate.title === title);
        if (group) group.objectiveIds.push(objective.id);
        else groups.push({ kind, title, objectiveIds: [objective.id] });
      }
      return { ...strategySummary(row), objectives, groups };
    });
  }

  /** The council's plans, newest first; a discarded draft is left out (its page and history stay, by its id). */
  listPlans(): Promise<PlanListDto> {
    return this.readModels.read(async (em) => {
      const plans = await em.find(
        PlanReadModel,
        { status: { $ne: 'discarded' } },
        { orderBy: { periodFrom: 'desc', title: 'asc' } },
      );
      return {
        plans: plans.map((row) => ({ ...planSummary(row), actions: row.registeredActions.length })),
      };
    });
  }

  plan(planId: string, filters: ActionFilters = {}): Promise<PlanDetailDto | null> {
    const today = ukDate(this.clock.now());
    return this.readModels.read(async (em) => {
      const plan = await em.findOne(PlanReadModel, { planId });
      if (plan === null) return null;
      const [strategy, objectiveRows, actionRows] = await Promise.all([
        em.findOne(StrategyReadModel, { strategyId: plan.strategyId }),
        em.find(ObjectiveReadModel, { strategyId: plan.strategyId }, { orderBy: { position: 'asc' } }),
        em.find(ActionReadModel, { planId }),
      ]);
      const order = new Map(plan.registeredActions.map((registered, index) => [registered.actionId, index]));
      actionRows.sort((a, b) => (order.get(a.actionId) ?? 1e9) - (order.get(b.actionId) ?? 1e9));
      const objectiveRef = new Map(objectiveRows.map((row) => [row.objectiveId, row.ref ?? null]));
      const byObjective = (objectiveId: string): DashboardFigures =>
        dashboardFigures(actionRows.filter((row) => row.objectiveId === objectiveId).map(dashboardInput), today);
      // Objectives in force, and retired ones that still have actions of this plan.
      const objectives = objectiveRows
        .filter((row) => !row.retired || actionRows.some((action) => action.objectiveId === row.objectiveId))
        .map((row) => ({ ...objectiveDto(row), dashboard: byObjective(row.objectiveId) }));
      const lead = filters.lead?.trim().toLowerCase();
      const actions: ActionSummaryDto[] = actionRows
        .filter(
          (row) =>
            (filters.objectiveId === undefined || row.objectiveId === filters.objectiveId) &&
            (filters.status === undefined || row.status === filters.status) &&
            (filters.rag === undefined || row.rag === filters.rag) &&
            (lead === undefined || row.leads.some((team) => team.trim().toLowerCase() === lead)) &&
            (filters.overdue === undefined || isOverdue(dashboardInput(row), today) === filters.overdue),
        )
        .map((row) => actionSummary(row, objectiveRef.get(row.objectiveId) ?? null, today));
      return {
        ...planSummary(plan),
        strategy: strategy ? { id: strategy.strategyId, title: strategy.title, status: strategy.status } : null,
        today,
        dashboard: dashboardFigures(actionRows.map(dashboardInput), today),
        objectives,
        actions,
        filters,
      };
    });
  }

  /**
   * The actions that changed last across the council's plans (but discarded drafts), newest first:
   * what a dashboard shows as recent changes.
   */
  recentActionChanges(limit = 10): Promise<RecentActionChangeDto[]> {
    return this.readModels.read(async (em) => {
      const discarded = await em.find(PlanReadModel, { status: 'discarded' }, { fields: ['planId'] });
      const rows = await em.find(
        ActionReadModel,
        discarded.length === 0 ? {} : { planId: { $nin: discarded.map((plan) => plan.planId) } },
        { orderBy: { changedAt: 'desc', actionId: 'asc' }, limit },
      );
      const planIds = [...new Set(rows.map((row) => row.planId))];
      const plans = planIds.length === 0 ? [] : await em.find(PlanReadModel, { planId: { $in: planIds } });
      const planTitle = new Map(plans.map((plan) => [plan.planId, plan.title]));
      return rows.map((row) => ({
        planId: row.planId,
        planTitle: planTitle.get(row.planId) ?? '',
        actionId: row.actionId,
        ref: row.ref ?? null,
        title: row.title,
        status: row.status,
        rag: row.rag,
        latestUpdateOn: row.latestUpdateOn ?? null,
        latestNarrative: row.latestProgress?.narrative ?? null,
        changedAt: changedAt(row.changedAt),
      }));
    });
  }

  /** The measures of an action or an objective, in the order they were defined. */
  measuresOf(subjectId: string): Promise<MeasureSummaryDto[]> {
    return this.readModels.read(async (em) => {
      const rows = await em.find(MeasureReadModel, { subjectId }, { orderBy: { measureId: 'asc' } });
      return rows.map((row) => ({
        id: row.measureId,
        subject: { kind: row.subjectKind, id: row.subjectId, parentId: row.parentId },
        title: row.title,
        unit: row.unit,
        direction: row.direction,
        target: row.target ?? null,
        latestReading: row.latestReading ?? null,
        readings: row.readings.length,
        rag: row.rag,
        status: row.status,
      }));
    });
  }

  /** Every action of the council's published plans, with what is due next on it as of today. */
  /** `asOf`: the day to read what is due as of (the daily sweeps' day); today in the UK otherwise. */
  dueActions(
    calendar: CouncilCalendar,
    asOf?: string,
  ): Promise<{ readonly today: string; readonly actions: DueActionDto[] }> {
    const today = asOf ?? ukDate(this.clock.now());
    return this.readModels.read(async (em) => {
      const plans = await em.find(PlanReadModel, { status: 'published' }, { fields: ['planId', 'title'] });
      const titles = new Map(plans.map((plan) => [plan.planId, plan.title]));
      const rows = await em.find(ActionReadModel, { planId: { $in: [...titles.keys()] } });
      return {
        today,
        actions: rows.map((row) =>
          dueAction(
            {
              planId: row.planId,
              planTitle: titles.get(row.planId) ?? '',
              actionId: row.actionId,
              ref: row.ref ?? null,
              title: row.title,
              leads: row.leads,
              status: row.status,
              rag: row.rag,
              due: row.due,
              dueFinal: row.dueFinal ?? null,
              latestUpdateOn: row.latestUpdateOn ?? null,
            },
            today,
            calendar,
          ),
        ),
      };
    });
  }

  /** Actions across the council's plans (but discarded drafts) that match the search, plan by plan in the plans' order. */
  searchActions(search: ActionSearch): Promise<FoundAction[]> {
    const today = ukDate(this.clock.now());
    return this.readModels.read(async (em) => {
      const plans = await em.find(
        PlanReadModel,
        { status: { $ne: 'discarded' } },
        { orderBy: { periodFrom: 'desc', title: 'asc' } },
      );
      const [actions, objectives] = await Promise.all([
        em.find(ActionReadModel, { planId: { $in: plans.map((plan) => plan.planId) } }),
        em.find(ObjectiveReadModel, {}, { fields: ['objectiveId', 'ref'] }),
      ]);
      const objectiveRef = new Map(objectives.map((row) => [row.objectiveId, row.ref ?? null]));
      return plans.flatMap((plan) => {
        const order = new Map(plan.registeredActions.map((registered, index) => [registered.actionId, index]));
        return actions
          .filter((row) => row.planId === plan.planId && matchesSearch(row, search, today))
          .sort((a, b) => (order.get(a.actionId) ?? 1e9) - (order.get(b.actionId) ?? 1e9))
          .map((row) => ({
            planId: plan.planId,
            planTitle: plan.title,
            planStatus: plan.status,
            action: actionSummary(row, objectiveRef.get(row.objectiveId) ?? null, today),
          }));
      });
    });
  }
}
