import { Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { GetPlanAsOfQuery, rolesFor, type PlanAsOf } from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { dateError, dateInputValues, EMPTY_DATE, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import { formBody } from '../../forms/form-body.js';
import { formModel } from '../shared/form-state.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { ukDate } from '../../rendering/uk-dates.js';
import { WebController } from '../../web-controller.decorator.js';
import { pagePaths, PlanPages } from '../shared/plan-pages.js';
import { periodWords, planStatusTag } from '../shared/wording.js';
import { actionsThen, endOfUkDay } from './plan-as-of-view.js';

/**
 * A plan as it stood on a chosen day, rebuilt from its events (never from a read model): read-only,
 * under a banner, for everyone who may read the history (editors, auditors and viewers alike). The
 * date is a GET form, so the page works without JavaScript and can be bookmarked.
 */
@WebController()
export class PlanAsOfPageController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly pages: PlanPages,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/as-of')
  @CouncilAccess(...rolesFor('readHistory'))
  async asOf(
    @Param('planId') planId: string,
    @Query() query: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const now = await this.pages.plan(planId);
    const values: DateInputValues =
      formBody(query)['on-day'] === undefined ? EMPTY_DATE : dateInputValues(formBody(query), 'on');
    const chosen = readDateInput(values, 'The date');
    const base = { planTitle: now.plan.title, planHref: pagePaths.plan(now.plan.planId), values };
    if (chosen.kind !== 'date') {
      const errors =
        values === EMPTY_DATE ? {} : dateError('on', chosen, 'Enter the date to see the plan as it stood then');
      await this.show(request, response, base, errors, null);
      return;
    }
    let then: PlanAsOf;
    try {
      then = await this.queryBus.execute(new GetPlanAsOfQuery(now.plan.planId, endOfUkDay(chosen.date)));
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      const errors = { 'on-day': `The plan had not been drafted by ${ukDate(chosen.date)}: choose a later date` };
      await this.show(request, response, base, errors, null);
      return;
    }
    await this.show(
      request,
      response,
      base,
      {},
      {
        on: ukDate(chosen.date),
        status: planStatusTag(then.plan.status),
        period: periodWords(then.plan.period),
        title: then.plan.title,
        actions: then.summary.actions,
        completed: then.summary.byStatus.completed,
        groups: actionsThen(then),
      },
    );
  }

  private async show(
    request: Request,
    response: Response,
    base: { planTitle: string; planHref: string; values: DateInputValues },
    errors: Readonly<Record<string, string>>,
    then: Readonly<Record<string, unknown>> | null,
  ): Promise<void> {
    const status = Object.keys(errors).length > 0 ? 400 : 200;
    await this.renderer.render(
      request,
      response,
      'plans/plan-as-of.njk',
      {
        pageTitle:
          then === null
            ? `${base.planTitle} as it stood on a date`
            : `${base.planTitle} as it stood on ${String(then['on'])}`,
        ...formModel(['on-day', 'on-month', 'on-year'], { errors }),
        ...base,
        then,
      },
      status,
    );
  }
}
