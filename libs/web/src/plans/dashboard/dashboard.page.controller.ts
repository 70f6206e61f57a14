import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { PlansReadQueries, rolesFor, type PlanDetailDto } from '@due-regard/plans';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { rolesInWords } from '../../site/roles.js';
import { actionsDueSoon, overdueActions } from '../shared/action-rows.js';
import { CouncilPageContext } from '../shared/council-page-context.js';
import { dashboardPlan, recentChangeRow } from './dashboard-view.js';

const RECENT_CHANGES = 5;
/** The overdue and due-soon actions shown at once; the rest behind a "Show the other …" details. */
const SHORT_LIST = 5;

/** A council's home when signed in: its published plans' figures, what is overdue or due soon, and recent changes. */
@WebController()
export class DashboardPageController {
  constructor(
    private readonly context: RequestContext,
    private readonly page: CouncilPageContext,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('readPlans'))
  async dashboard(@Req() request: Request, @Res() response: Response): Promise<void> {
    const mayBeBehind = await this.page.readModelsMayBeBehind();
    const { plans } = await this.queries.listPlans();
    const published = (
      await Promise.all(plans.filter((plan) => plan.status === 'published').map((plan) => this.queries.plan(plan.id)))
    ).filter((plan): plan is PlanDetailDto => plan !== null);
    const recent = await this.queries.recentActionChanges(RECENT_CHANGES);
    await this.renderer.render(request, response, 'plans/dashboard.njk', {
      pageTitle: 'Home',
      mayBeBehind,
      displayName: this.context.principal().displayName,
      rolesInWords: rolesInWords(this.page.person().roles),
      teams: this.page.person().teams,
      shortList: SHORT_LIST,
      plans: published.map(dashboardPlan),
      otherPlans: plans.length - published.length,
      overdue: overdueActions(published),
      dueSoon: actionsDueSoon(published),
      recent: recent.map(recentChangeRow),
    });
  }
}
