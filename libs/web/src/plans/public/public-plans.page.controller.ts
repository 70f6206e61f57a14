import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, RequestContext } from '@due-regard/identity';
import { PlansReadQueries, type PlanDetailDto } from '@due-regard/plans';
import { ReportStore } from '@due-regard/reports';
import { ukDate } from '../../rendering/uk-dates.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { PageIdPipe } from '../shared/council-page-context.js';
import { isPublicPlan, publicPlanLists, publicPlanPage, publicPlanSummary } from './public-plans-view.js';

/**
 * The plans a council has published, for residents, with nobody signed in. The read models are
 * confined to the council of the sub-domain (the request context's tenant); only published and
 * closed plans are shown.
 */
@WebController()
export class PublicPlansPageController {
  constructor(
    private readonly context: RequestContext,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
    private readonly reports: ReportStore,
  ) {}

  @Get('public')
  @Public()
  async publishedPlans(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (this.context.tenant().kind !== 'council') throw new NotFoundException();
    const { current, earlier } = publicPlanLists((await this.queries.listPlans()).plans);
    const details = (await Promise.all(current.map((plan) => this.queries.plan(plan.id)))).filter(
      (plan): plan is PlanDetailDto => plan !== null && isPublicPlan(plan),
    );
    await this.renderer.render(request, response, 'plans/published-plans.njk', {
      pageTitle: 'Published plans',
      plans: details.map(publicPlanSummary),
      earlier: earlier.map((plan) => ({
        title: plan.title,
        href: `/public/plans/${encodeURIComponent(plan.id)}`,
      })),
    });
  }

  @Get('public/plans/:planId')
  @Public()
  async publishedPlan(
    @Param('planId', PageIdPipe) planId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (this.context.tenant().kind !== 'council') throw new NotFoundException();
    const plan = await this.queries.plan(planId);
    if (plan === null || !isPublicPlan(plan)) throw new NotFoundException();
    // The newest progress report generated while the plan was published: what the council published.
    const latest = await this.reports.latestPublic(planId);
    await this.renderer.render(request, response, 'plans/published-plan.njk', {
      pageTitle: plan.title,
      plan: publicPlanPage(plan),
      latestReport:
        latest === null
          ? null
          : {
              href: `/public/reports/${latest.id}/file`,
              asOf: ukDate(latest.asOf),
              format: latest.format.toUpperCase(),
            },
    });
  }
}
