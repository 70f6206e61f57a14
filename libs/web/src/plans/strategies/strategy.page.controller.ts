import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { GetStrategyHistoryQuery, PlansReadQueries, rolesFor } from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { NamesToShow } from '../../users/names-to-show.js';
import { WebController } from '../../web-controller.decorator.js';
import { historyRows } from '../history/action-history-view.js';
import { CouncilPageContext, PageIdPipe } from '../shared/council-page-context.js';
import { periodWords, planStatusTag, strategyStatusTag } from '../shared/wording.js';
import { ukDate } from '../../rendering/uk-dates.js';
import { objectiveSections, strategyControls } from './strategy-view.js';
import { strategyPaths } from './strategy-paths.js';

/** A strategy and its objectives, grouped by pillar, priority or PSED aim where it has them; and its history. */
@WebController()
export class StrategyPageController {
  constructor(
    private readonly page: CouncilPageContext,
    private readonly queries: PlansReadQueries,
    private readonly queryBus: QueryBus,
    private readonly names: NamesToShow,
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
    const person = this.page.person();
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
        historyHref: strategyPaths.history(strategy.id),
      },
      ...strategyControls(person, strategy),
      sections: objectiveSections(strategy, person),
      plans: plans
        .filter((plan) => plan.strategyId === strategy.id)
        .map((plan) => ({
          title: plan.title,
          href: `/plans/${encodeURIComponent(plan.id)}`,
          status: planStatusTag(plan.status),
        })),
    });
  }

  @Get('strategies/:strategyId/history')
  @CouncilAccess(...rolesFor('readHistory'))
  async history(
    @Param('strategyId', PageIdPipe) strategyId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.page.readModelsMayBeBehind();
    const strategy = await this.queries.strategy(strategyId);
    if (strategy === null) throw new NotFoundException();
    let history;
    try {
      history = await this.queryBus.execute(new GetStrategyHistoryQuery(strategyId));
    } catch (error) {
      if (error instanceof NotFound) throw new NotFoundException();
      throw error;
    }
    const names = await this.names.of(history.events.map((event) => event.actorId));
    await this.renderer.render(request, response, 'plans/strategies/strategy-history.njk', {
      pageTitle: `Change history of ${strategy.title}`,
      strategy: { title: strategy.title, href: strategyPaths.strategy(strategy.id) },
      rows: historyRows(history.events, names),
    });
  }
}
