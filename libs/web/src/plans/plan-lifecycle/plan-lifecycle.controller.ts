import { Body, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { ConcurrencyError } from '@due-regard/event-store';
import { CouncilAccess } from '@due-regard/identity';
import { PlanLifecycleCommand, rolesFor, type PlanTransition } from '@due-regard/plans';
import { DomainConflict, DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import { inUkDates } from '../../forms/field-errors.js';
import { formBody, formVersion } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { pageId, pagePaths } from '../shared/plan-pages.js';

type Step = 'submit' | 'approve' | 'publish' | 'close';

/** What each step is called on its pages: the banner after it, and the page when it is refused. */
const WORDS: Readonly<Record<Step, { done: string; refused: string }>> = {
  submit: { done: 'Plan submitted for approval', refused: 'The plan could not be submitted' },
  approve: { done: 'Plan approved', refused: 'The plan could not be approved' },
  publish: { done: 'Plan published', refused: 'The plan could not be published' },
  close: { done: 'Plan closed', refused: 'The plan could not be closed' },
};

/**
 * The plan's way to publication and closure: buttons on the plan's page post here with the plan's
 * version (the one the page showed). Done: back to the plan with a banner. Refused: a page that
 * says why, never a 500.
 */
@WebController()
export class PlanLifecyclePageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly renderer: PageRenderer,
  ) {}

  @Post('plans/:planId/submit')
  @CouncilAccess(...rolesFor('submitPlan'))
  submit(@Param('planId') planId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response) {
    return this.take('submit', { kind: 'submit' }, planId, body, request, response);
  }

  @Post('plans/:planId/approve')
  @CouncilAccess(...rolesFor('approvePlan'))
  approve(@Param('planId') planId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response) {
    return this.take('approve', { kind: 'approve', on: undefined }, planId, body, request, response);
  }

  @Post('plans/:planId/publish')
  @CouncilAccess(...rolesFor('publishPlan'))
  publish(@Param('planId') planId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response) {
    return this.take('publish', { kind: 'publish', on: undefined }, planId, body, request, response);
  }

  @Post('plans/:planId/close')
  @CouncilAccess(...rolesFor('closePlan'))
  close(@Param('planId') planId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response) {
    return this.take('close', { kind: 'close', on: undefined, reason: null }, planId, body, request, response);
  }

  private async take(
    step: Step,
    transition: PlanTransition,
    planId: string,
    posted: unknown,
    request: Request,
    response: Response,
  ): Promise<void> {
    const id = pageId(planId);
    const planHref = pagePaths.plan(id);
    try {
      await this.commandBus.execute(new PlanLifecycleCommand(id, transition, formVersion(formBody(posted))));
    } catch (error) {
      const refused = refusalOf(error);
      await this.renderer.render(
        request,
        response,
        'plans/plan-change-refused.njk',
        { pageTitle: WORDS[step].refused, reason: refused.reason, stale: refused.stale, planHref },
        refused.status,
      );
      return;
    }
    setFlash(request, { heading: WORDS[step].done });
    response.redirect(303, planHref);
  }
}

function refusalOf(error: unknown): { reason: string; stale: boolean; status: number } {
  if (error instanceof ConcurrencyError) {
    return { reason: 'Someone else changed the plan after you opened its page.', stale: true, status: 409 };
  }
  if (error instanceof DomainRuleViolation) return { reason: inUkDates(error.message), stale: false, status: 422 };
  if (error instanceof DomainConflict) return { reason: inUkDates(error.message), stale: false, status: 409 };
  if (error instanceof NotFound) throw new NotFoundException();
  throw error;
}
