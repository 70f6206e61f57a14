import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { QueryBus, type Query } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { GetActionHistoryQuery, GetPlanHistoryQuery, PlansReadQueries, rolesFor } from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { NamesToShow } from '../../users/names-to-show.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionHref } from '../shared/action-rows.js';
import { CouncilPageContext, PageIdPipe } from '../shared/council-page-context.js';
import { actionHistoryView, historyRows } from './action-history-view.js';

/**
 * Every change to a plan itself (its lifecycle, the actions added) and to each action, with the
 * names of who made them looked up as the page is shown.
 */
@WebController()
export class HistoryPagesController {
  constructor(
    private readonly page: CouncilPageContext,
    private readonly queryBus: QueryBus,
    private readonly queries: PlansReadQueries,
    private readonly names: NamesToShow,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/history')
  @CouncilAccess(...rolesFor('readHistory'))
  async planHistory(
    @Param('planId', PageIdPipe) planId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const history = await this.found(new GetPlanHistoryQuery(planId));
    const plan = await this.planLink(planId);
    const names = await this.names.of(history.events.map((event) => event.actorId));
    await this.renderer.render(request, response, 'plans/plan-history.njk', {
      pageTitle: `Change history of ${plan.title}`,
      plan,
      rows: historyRows(history.events, names),
    });
  }

  @Get('plans/:planId/actions/:actionId/history')
  @CouncilAccess(...rolesFor('readHistory'))
  async actionHistory(
    @Param('planId', PageIdPipe) planId: string,
    @Param('actionId', PageIdPipe) actionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const history = await this.found(new GetActionHistoryQuery(planId, actionId));
    const plan = await this.planLink(planId);
    const names = await this.names.of(history.events.map((event) => event.actorId));
    const view = actionHistoryView(history, names);
    await this.renderer.render(request, response, 'plans/action-history.njk', {
      pageTitle: `Change history of ${view.ref === null ? view.title : `action ${view.ref}`}`,
      plan,
      actionHref: actionHref(planId, actionId),
      ...view,
    });
  }

  /** The plan's title and page (a discarded draft's too), from the read models once they have caught up; 404 when there is none. */
  private async planLink(planId: string): Promise<{ title: string; href: string }> {
    await this.page.readModelsMayBeBehind();
    const plan = await this.queries.plan(planId);
    if (plan === null) throw new NotFoundException();
    return { title: plan.title, href: `/plans/${encodeURIComponent(plan.id)}` };
  }

  private async found<Result>(query: Query<Result>): Promise<Result> {
    try {
      return await this.queryBus.execute(query);
    } catch (error) {
      if (error instanceof NotFound) throw new NotFoundException();
      throw error;
    }
  }
}
