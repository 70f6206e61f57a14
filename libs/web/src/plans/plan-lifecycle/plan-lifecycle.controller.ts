import { Body, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { ConcurrencyError } from '@due-regard/event-store';
import { CouncilAccess } from '@due-regard/identity';
import {
  mayDo,
  PlanLifecycleCommand,
  rolesFor,
  type PlanAsOf,
  type PlansCapability,
  type PlanTransition,
} from '@due-regard/plans';
import { DomainConflict, DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import { dateError, dateInputValues, EMPTY_DATE, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import { FORM_ERROR, inUkDates, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, formVersion, textField } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { pageId, pagePaths, PlanPages, refusalOf as formRefusalOf } from '../shared/plan-pages.js';
import { periodWords } from '../shared/wording.js';

type Step = 'submit' | 'approve' | 'publish' | 'close';

/** What each step is called on its pages: the banner after it, and the page when it is refused. */
const WORDS: Readonly<Record<Step, { done: string; refused: string }>> = {
  submit: { done: 'Plan submitted for approval', refused: 'The plan could not be submitted' },
  approve: { done: 'Plan approved', refused: 'The plan could not be approved' },
  publish: { done: 'Plan published', refused: 'The plan could not be published' },
  close: { done: 'Plan closed', refused: 'The plan could not be closed' },
};

/** The steps that cannot be taken back: each confirmed on a page of its own (GOV.UK warning text) first. */
type ConfirmedStep = 'publish' | 'close' | 'discard';

interface ConfirmWords {
  readonly capability: PlansCapability & ('publishPlan' | 'closePlan' | 'discardPlan');
  readonly title: string;
  readonly button: string;
  readonly explanation: string;
  readonly warning: string;
  readonly dateLegend: string | null;
  readonly reasonLabel: string | null;
  readonly done: string;
}

const CONFIRM: Readonly<Record<ConfirmedStep, ConfirmWords>> = {
  publish: {
    capability: 'publishPlan',
    title: 'Publish this plan',
    button: 'Publish plan',
    explanation:
      'The plan and its progress appear on the council’s public pages. It stays open for progress, due revisions and new actions.',
    warning: 'A published plan cannot be unpublished.',
    dateLegend: 'When was it published?',
    reasonLabel: null,
    done: 'Plan published',
  },
  close: {
    capability: 'closePlan',
    title: 'Close this plan',
    button: 'Close plan',
    explanation: 'A closed plan is kept for the record: neither it nor its actions take any more changes.',
    warning: 'You cannot reopen a closed plan.',
    dateLegend: 'When did it close?',
    reasonLabel: 'Why is it closed? (optional)',
    done: 'Plan closed',
  },
  discard: {
    capability: 'discardPlan',
    title: 'Discard this draft',
    button: 'Discard draft',
    explanation:
      'Discard a draft made by mistake, such as a second import of the same plan. It leaves the lists of plans; its history stays for auditors.',
    warning: 'You cannot bring a discarded draft back.',
    dateLegend: null,
    reasonLabel: 'Why is it discarded? (optional)',
    done: 'Draft discarded',
  },
};

interface ConfirmValues {
  readonly on: DateInputValues;
  readonly reason: string;
}

const CONFIRM_FIELDS = ['on-day', 'on-month', 'on-year', 'reason'];
const CONFIRM_ANCHORS = { publishedOn: 'on-day', closedOn: 'on-day', reason: 'reason' };

/**
 * The plan's way to publication and closure. Submitting and approving are buttons on the plan's page
 * that post here with the plan's version; publishing, closing and discarding a draft cannot be taken
 * back, so the page links to a confirmation page for each first. Done: back to the plan with a
 * banner. Refused: a page (or the confirmation again) that says why, never a 500.
 */
@WebController()
export class PlanLifecyclePageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pages: PlanPages,
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

  @Get('plans/:planId/publish')
  @CouncilAccess(...rolesFor('publishPlan'))
  publishForm(@Param('planId') planId: string, @Req() request: Request, @Res() response: Response) {
    return this.confirmForm('publish', planId, request, response);
  }

  @Post('plans/:planId/publish')
  @CouncilAccess(...rolesFor('publishPlan'))
  publish(@Param('planId') planId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response) {
    return this.confirmed('publish', planId, body, request, response);
  }

  @Get('plans/:planId/close')
  @CouncilAccess(...rolesFor('closePlan'))
  closeForm(@Param('planId') planId: string, @Req() request: Request, @Res() response: Response) {
    return this.confirmForm('close', planId, request, response);
  }

  @Post('plans/:planId/close')
  @CouncilAccess(...rolesFor('closePlan'))
  close(@Param('planId') planId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response) {
    return this.confirmed('close', planId, body, request, response);
  }

  @Get('plans/:planId/discard')
  @CouncilAccess(...rolesFor('discardPlan'))
  discardForm(@Param('planId') planId: string, @Req() request: Request, @Res() response: Response) {
    return this.confirmForm('discard', planId, request, response);
  }

  @Post('plans/:planId/discard')
  @CouncilAccess(...rolesFor('discardPlan'))
  discard(@Param('planId') planId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response) {
    return this.confirmed('discard', planId, body, request, response);
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

  private async confirmForm(step: ConfirmedStep, planId: string, request: Request, response: Response) {
    const plan = await this.pages.plan(planId);
    if (!mayDo(this.pages.person(), CONFIRM[step].capability, { planStatus: plan.plan.status })) {
      // Not a step of this plan now (its page never links here then): back to the plan.
      response.redirect(303, pagePaths.plan(plan.plan.planId));
      return;
    }
    await this.showConfirm(
      request,
      response,
      step,
      plan,
      { on: EMPTY_DATE, reason: '' },
      { version: plan.plan.version },
    );
  }

  private async confirmed(step: ConfirmedStep, planId: string, posted: unknown, request: Request, response: Response) {
    const plan = await this.pages.plan(planId);
    const body = formBody(posted);
    const version = formVersion(body);
    const values: ConfirmValues = { on: dateInputValues(body, 'on'), reason: textField(body, 'reason') };
    const on = readDateInput(values.on, 'The date');
    const errors: FieldErrors = {
      ...dateError('on', on, null),
      ...(values.reason.length > 10_000 ? { reason: 'The reason must be 10,000 characters or fewer' } : {}),
    };
    if (Object.keys(errors).length > 0) {
      await this.showConfirm(request, response, step, plan, values, { version: version ?? '', errors, status: 400 });
      return;
    }
    const date = on.kind === 'date' ? on.date : undefined;
    const trimmed = values.reason.trim();
    const reason = trimmed === '' ? null : trimmed;
    const transition: PlanTransition =
      step === 'publish'
        ? { kind: 'publish', on: date }
        : step === 'close'
          ? { kind: 'close', on: date, reason }
          : { kind: 'discard', reason };
    try {
      await this.commandBus.execute(new PlanLifecycleCommand(plan.plan.planId, transition, version));
    } catch (error) {
      const refusal = formRefusalOf(error, CONFIRM_ANCHORS);
      const state: FormState =
        refusal.kind === 'stale'
          ? {
              version: (await this.pages.plan(planId)).plan.version,
              errors: {
                [FORM_ERROR]: 'Someone else changed the plan after you opened this page: check it, then confirm again',
              },
              status: 409,
            }
          : { version: version ?? '', ...refusal };
      await this.showConfirm(request, response, step, plan, values, state);
      return;
    }
    setFlash(request, { heading: CONFIRM[step].done });
    response.redirect(303, step === 'discard' ? '/plans' : pagePaths.plan(plan.plan.planId));
  }

  private async showConfirm(
    request: Request,
    response: Response,
    step: ConfirmedStep,
    plan: PlanAsOf,
    values: ConfirmValues,
    state: FormState,
  ): Promise<void> {
    const words = CONFIRM[step];
    const back = pagePaths.plan(plan.plan.planId);
    await this.renderer.render(
      request,
      response,
      'plans/confirm-step.njk',
      {
        pageTitle: words.title,
        ...formModel(CONFIRM_FIELDS, state),
        caption: plan.plan.title,
        backHref: back,
        cancelHref: back,
        formAction: `${back}/${step}`,
        values,
        step: {
          button: words.button,
          explanation: words.explanation,
          warning: words.warning,
          dateLegend: words.dateLegend,
          reasonLabel: words.reasonLabel,
          rows: [
            { key: { text: 'Plan' }, value: { text: plan.plan.title } },
            { key: { text: 'Period' }, value: { text: periodWords(plan.plan.period) } },
            { key: { text: 'Actions' }, value: { text: String(plan.actions.length) } },
          ],
        },
      },
      state.status,
    );
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
