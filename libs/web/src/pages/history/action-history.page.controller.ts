import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { COUNCIL_ROLES, CouncilAccess } from '@due-regard/identity';
import { GetActionHistoryQuery, PlansReadQueries, type ActionHistory } from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { NamesToShow } from '../../users/names-to-show.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionHref } from '../shared/action-rows.js';
import { CouncilPageContext, PageIdPipe } from '../shared/council-page-context.js';
import { actionHistoryView } from './action-history-view.js';

/** Every change to an action, with the names of who made them looked up as the page is shown. */
@WebController()
export class ActionHistoryPageController {
  constructor(
    private readonly page: CouncilPageContext,
    private readonly queryBus: QueryBus,
    private readonly queries: PlansReadQueries,
    private readonly names: NamesToShow,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/actions/:actionId/history')
  @CouncilAccess(...COUNCIL_ROLES)
  async history(
    @Param('planId', PageIdPipe) planId: string,
    @Param('actionId', PageIdPipe) actionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.page.readModelsMayBeBehind();
    const history = await this.historyOf(planId, actionId);
    const { plans } = await this.queries.listPlans();
    const plan = plans.find((candidate) => candidate.id === planId);
    if (plan === undefined) throw new NotFoundException();
    const names = await this.names.of(history.events.map((event) => event.actorId));
    const view = actionHistoryView(history, names);
    await this.renderer.render(request, response, 'pages/action-history.njk', {
      pageTitle: `Change history of ${view.ref === null ? view.title : `action ${view.ref}`}`,
      plan: { title: plan.title, href: `/plans/${encodeURIComponent(plan.id)}` },
      actionHref: actionHref(planId, actionId),
      ...view,
    });
  }

  private async historyOf(planId: string, actionId: string): Promise<ActionHistory> {
    try {
      return await this.queryBus.execute(new GetActionHistoryQuery(planId, actionId));
    } catch (error) {
      if (error instanceof NotFound) throw new NotFoundException();
      throw error;
    }
  }
}
