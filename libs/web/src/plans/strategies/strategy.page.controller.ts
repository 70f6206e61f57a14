import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { PlansReadQueries, rolesFor } from '@due-regard/plans';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { CouncilPageContext, PageIdPipe } from '../shared/council-page-context.js';
import { periodWords, planStatusTag, strategyStatusTag } from '../shared/wording.js';
import { ukDate } from '../../rendering/uk-dates.js';
import { objectiveSections } from './strategy-view.js';

/** A strategy and its objectives, grouped by pillar, priority or PSED aim where it has them. */
@WebController()
export class StrategyPageController {
  constructor(
    private readonly page: CouncilPageContext,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('strategies/:strategyId')
  @CouncilAccess(...rolesFor('readPlans'))
  async strategy(
    @Param('strategyId', PageIdPipe) strategyId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const mayBeBehind = await this.page.readModelsMayBeBehind();
    const [strategy, { plans }] = await Promise.all([this.queries.strategy(strategyId), this.queries.listPlans()]);
    if (strategy === null) throw new NotFoundException();
    await this.renderer.render(request, response, 'plans/strategy.njk', {
      pageTitle: strategy.title,
      mayBeBehind,
      strategy: {
        title: strategy.title,
        period: periodWords(strategy.period),
        status: strategyStatusTag(strategy.status),
        adoptedOn: ukDate(strategy.adoptedOn),
        publishedOn: ukDate(strategy.publishedOn),
        archivedOn: ukDate(strategy.archivedOn),
      },
      sections: objectiveSections(strategy),
      plans: plans
        .filter((plan) => plan.strategyId === strategy.id)
        .map((plan) => ({
          title: plan.title,
          href: `/plans/${encodeURIComponent(plan.id)}`,
          status: planStatusTag(plan.status),
        })),
    });
  }
}
