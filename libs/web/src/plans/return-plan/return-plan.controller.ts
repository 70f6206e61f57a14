import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import {
  PlanLifecycleCommand,
  returnPlanBody,
  rolesFor,
  type ActionPlanStatus,
  type PlanAsOf,
} from '@due-regard/plans';
import { FORM_ERROR, fieldErrorsFromZod } from '../../forms/field-errors.js';
import { formBody, formVersion, textField } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { planFormModel, type FormState } from '../shared/form-state.js';
import { pagePaths, PlanPages, refusalOf } from '../shared/plan-pages.js';

const FIELDS = ['reason'];
const MESSAGES = { reason: { too_big: 'The reason must be 10,000 characters or fewer' } };
const TITLE = 'Return the plan to draft';
/** "This plan is …", "It is now …". */
const PLAN_IS: Readonly<Record<ActionPlanStatus, string>> = {
  draft: 'a draft',
  submitted: 'submitted for approval',
  approved: 'approved',
  published: 'published',
  closed: 'closed',
  discarded: 'discarded',
};

/**
 * An approver who will not approve a submitted plan sends it back to its editors, saying why: the
 * plan is a draft again (its actions open to change) and the reason stays in its record.
 */
@WebController()
export class ReturnPlanPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pages: PlanPages,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/return')
  @CouncilAccess(...rolesFor('returnPlan'))
  async form(@Param('planId') planId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const plan = await this.pages.plan(planId);
    if (plan.plan.status !== 'submitted') {
      await this.notSubmitted(request, response, plan);
      return;
    }
    await this.show(request, response, plan, '', { version: plan.plan.version });
  }

  @Post('plans/:planId/return')
  @CouncilAccess(...rolesFor('returnPlan'))
  async returnToDraft(
    @Param('planId') planId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const plan = await this.pages.plan(planId);
    const body = formBody(posted);
    const version = formVersion(body);
    const reason = textField(body, 'reason');
    const parsed = returnPlanBody.safeParse({ reason: reason.trim() });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error.issues, MESSAGES);
      await this.show(request, response, plan, reason, { version: version ?? '', errors, status: 400 });
      return;
    }
    try {
      await this.commandBus.execute(
        new PlanLifecycleCommand(plan.plan.planId, { kind: 'return', reason: parsed.data.reason }, version),
      );
    } catch (error) {
      const refusal = refusalOf(error, { reason: 'reason' });
      if (refusal.kind === 'invalid') {
        await this.show(request, response, plan, reason, { version: version ?? '', ...refusal });
        return;
      }
      // The reason is kept, against the plan as it is now: nothing is sent until the approver sends it again.
      const message = `Someone else changed the plan after you opened this page. It is now ${PLAN_IS[plan.plan.status]}: check it, then send your reason again.`;
      await this.show(request, response, plan, reason, {
        version: plan.plan.version,
        errors: { [FORM_ERROR]: message },
        status: 409,
      });
      return;
    }
    setFlash(request, { heading: 'Plan returned to draft', text: 'Its editors can change it and submit it again.' });
    response.redirect(303, pagePaths.plan(plan.plan.planId));
  }

  private async show(
    request: Request,
    response: Response,
    plan: PlanAsOf,
    reason: string,
    state: FormState,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plans/return-plan.njk',
      { ...planFormModel(plan, { title: TITLE, fields: FIELDS, path: 'return' }, state), reason },
      state.status,
    );
  }

  private async notSubmitted(request: Request, response: Response, plan: PlanAsOf): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plans/plan-change-refused.njk',
      {
        pageTitle: 'The plan could not be returned to draft',
        reason: `Only a plan submitted for approval can be returned to draft. This plan is ${PLAN_IS[plan.plan.status]}.`,
        stale: false,
        planHref: pagePaths.plan(plan.plan.planId),
      },
      422,
    );
  }
}
