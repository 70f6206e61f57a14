import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { COUNCIL_ROLES, CouncilAccess } from '@due-regard/identity';
import { GetPlanHistoryQuery, PlansReadQueries, type PlanHistory } from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { NamesToShow } from '../../users/names-to-show.js';
import { WebController } from '../../web-controller.decorator.js';
import { CouncilPageContext, PageIdPipe } from '../shared/council-page-context.js';
import { historyRows } from './action-history-view.js';

/** Every change to a plan itself (its lifecycle, the actions added), with who made them named as the page is shown. */
@WebController()
export class PlanHistoryPageController {
  constructor(
    private readonly page: CouncilPageContext,
    private readonly queryBus: QueryBus,
    private readonly queries: PlansReadQueries,
    private readonly names: NamesToShow,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/history')
  @CouncilAccess(...COUNCIL_ROLES)
  async history(
    @Param('planId', PageIdPipe) planId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.page.readModelsMayBeBehind();
    const history = await this.historyOf(planId);
    const { plans } = await this.queries.listPlans();
    const plan = plans.find((candidate) => candidate.id === planId);
    if (plan === undefined) throw new NotFoundException();
    const names = await this.names.of(history.events.map((event) => event.actorId));
    await this.renderer.render(request, response, 'pages/plan-history.njk', {
      pageTitle: `Change history of ${plan.title}`,
      plan: { title: plan.title, href: `/plans/${encodeURIComponent(plan.id)}` },
      rows: historyRows(history.events, names),
    });
  }

  private async historyOf(planId: string): Promise<PlanHistory> {
    try {
      return await this.queryBus.execute(new GetPlanHistoryQuery(planId));
    } catch (error) {
      if (error instanceof NotFound) throw new NotFoundException();
      throw error;
    }
  }
}
