import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import {
  CouncilDueSettings,
  inDueOrder,
  ledBy,
  PlansReadQueries,
  rolesFor,
  type PlanDetailDto,
} from '@due-regard/plans';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { rolesInWords } from '../../site/roles.js';
import { actionsDueSoon, overdueActions } from '../shared/action-rows.js';
import { CouncilPageContext } from '../shared/council-page-context.js';
import { myActionRow } from '../my-actions/my-actions-view.js';
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
    private readonly dueSettings: CouncilDueSettings,
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
    // An action lead's own work first: their teams' actions, in due order.
    const { teams } = this.page.person();
    const due =
      teams.length === 0
        ? null
        : await this.queries.dueActions(await this.dueSettings.calendar(this.page.councilSlug()));
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
      myTeams: teams,
      myActions: due === null ? null : inDueOrder(ledBy(due.actions, teams)).map(myActionRow),
    });
  }
}
