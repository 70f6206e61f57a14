import { BadRequestException, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { GetPlanReturnQuery, mayDo, PlansReadQueries, rolesFor } from '@due-regard/plans';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { CouncilPageContext, PageIdPipe } from '../shared/council-page-context.js';
import { planFigureCharts } from '../shared/plan-figures.js';
import { percentComplete, periodWords, planStatusTag, strategyStatusTag } from '../shared/wording.js';
import { ukDate, ukDateTime } from '../../rendering/uk-dates.js';
import { NamesToShow } from '../../users/names-to-show.js';
import { planControls } from './plan-controls.js';
import { actionGroups, filterSelects, hasFilters, planFilters } from './plan-view.js';

/** The council's action plans: all of them, and one with its actions by objective. */
@WebController()
export class PlansPageController {
  constructor(
    private readonly page: CouncilPageContext,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
    private readonly queryBus: QueryBus,
    private readonly names: NamesToShow,
  ) {}

  @Get('plans')
  @CouncilAccess(...rolesFor('readPlans'))
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const mayBeBehind = await this.page.readModelsMayBeBehind();
    const [{ plans }, { strategies }] = await Promise.all([this.queries.listPlans(), this.queries.listStrategies()]);
    const strategyTitle = new Map(strategies.map((strategy) => [strategy.id, strategy.title]));
    const person = this.page.person();
    await this.renderer.render(request, response, 'plans/plans.njk', {
      pageTitle: 'Action plans',
      mayBeBehind,
      // A plan is drafted under a strategy in force: offered only when there is one.
      draftPlanHref: strategies.some((strategy) => mayDo(person, 'draftPlan', { strategyStatus: strategy.status }))
        ? '/plans/new'
        : null,
      draftStrategyHref: mayDo(person, 'draftStrategy') ? '/strategies/new' : null,
      plans: plans.map((plan) => ({
        title: plan.title,
        href: `/plans/${encodeURIComponent(plan.id)}`,
        period: periodWords(plan.period),
        status: planStatusTag(plan.status),
        actions: plan.actions,
        strategyTitle: strategyTitle.get(plan.strategyId) ?? '',
        strategyHref: `/strategies/${encodeURIComponent(plan.strategyId)}`,
      })),
      strategies: strategies.map((strategy) => ({
        title: strategy.title,
        href: `/strategies/${encodeURIComponent(strategy.id)}`,
        period: periodWords(strategy.period),
        status: strategyStatusTag(strategy.status),
        objectives: strategy.objectives,
      })),
    });
  }

  @Get('plans/:planId')
  @CouncilAccess(...rolesFor('readPlans'))
  async plan(
    @Param('planId', PageIdPipe) planId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const filters = planFilters(query);
    if (filters === null) throw new BadRequestException('These filters are not ones the form offers');
    const mayBeBehind = await this.page.readModelsMayBeBehind();
    const filtered = hasFilters(filters);
    const [plan, whole] = await Promise.all([
      this.queries.plan(planId, filters),
      filtered ? this.queries.plan(planId) : Promise.resolve(null),
    ]);
    if (plan === null) throw new NotFoundException();
    const charts = planFigureCharts(plan);
    const returned = plan.status === 'draft' ? await this.standingReturn(plan.id) : null;
    await this.renderer.render(request, response, 'plans/plan.njk', {
      pageTitle: plan.title,
      mayBeBehind,
      plan: {
        id: plan.id,
        title: plan.title,
        version: plan.version,
        period: periodWords(plan.period),
        status: planStatusTag(plan.status),
        discarded: plan.status === 'discarded',
        approvedOn: ukDate(plan.approvedOn),
        publishedOn: ukDate(plan.publishedOn),
        closedOn: ukDate(plan.closedOn),
        strategy: plan.strategy && {
          title: plan.strategy.title,
          href: `/strategies/${encodeURIComponent(plan.strategy.id)}`,
        },
        figures: plan.dashboard,
        percentComplete: percentComplete(plan.dashboard.byStatus),
      },
      byStatus: charts.byStatus,
      byRag: charts.byRag,
      returned,
      ...planControls(this.page.person(), {
        id: plan.id,
        status: plan.status,
        strategyId: plan.strategyId,
        strategyStatus: plan.strategy?.status ?? null,
      }),
      selects: filterSelects(plan.objectives, (whole ?? plan).actions, filters),
      filtered,
      shown: plan.actions.length,
      total: plan.dashboard.actions,
      groups: actionGroups(plan, filtered),
    });
  }

  /** Why the approver sent this draft back, while it stands: the editors read it before they submit again. */
  private async standingReturn(planId: string): Promise<{ reason: string; when: string; who: string } | null> {
    const returned = await this.queryBus.execute(new GetPlanReturnQuery(planId));
    if (returned === null) return null;
    const names = await this.names.of([returned.actorId]);
    return {
      reason: returned.reason,
      when: ukDateTime(returned.time),
      who: names.get(returned.actorId) ?? returned.actorId,
    };
  }
}
