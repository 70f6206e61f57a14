import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { reviseDueBody, ReviseDueCommand, rolesFor, type ActionDetail } from '@due-regard/plans';
import { fieldErrorsFromZod } from '../../forms/field-errors.js';
import { formBody, formVersion, textField } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionName } from '../shared/action-words.js';
import { actionFormModel, type FormState } from '../shared/form-state.js';
import { pagePaths, PlanPages } from '../shared/plan-pages.js';

interface DueFormValues {
  readonly due: string;
  readonly reason: string;
}

const FIELDS = ['due', 'reason'];
const MESSAGES = {
  due: { too_big: 'The due date must be 500 characters or fewer' },
  reason: { too_big: 'The reason must be 10,000 characters or fewer' },
};

/** "Date revised to May 2018": a new due, as the council writes it, and why; the old one stays in the record. */
@WebController()
export class ReviseDuePageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pages: PlanPages,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/actions/:actionId/due')
  @CouncilAccess(...rolesFor('reviseDue'))
  async form(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    this.pages.assertPermitted('reviseDue', action);
    await this.show(request, response, action, { due: action.due.text ?? '', reason: '' }, { version: action.version });
  }

  @Post('plans/:planId/actions/:actionId/due')
  @CouncilAccess(...rolesFor('reviseDue'))
  async revise(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    this.pages.assertPermitted('reviseDue', action);
    const body = formBody(posted);
    const version = formVersion(body);
    const values: DueFormValues = { due: textField(body, 'due'), reason: textField(body, 'reason') };
    const parsed = reviseDueBody.safeParse({ due: values.due.trim(), reason: values.reason.trim() });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error.issues, MESSAGES);
      await this.show(request, response, action, values, { version: version ?? '', errors, status: 400 });
      return;
    }
    try {
      await this.commandBus.execute(
        new ReviseDueCommand(action.planId, action.id, parsed.data.due, parsed.data.reason, version),
      );
    } catch (error) {
      const state = await this.pages.formStateAfter(error, action, version, { due: 'due', reason: 'reason' });
      await this.show(request, response, action, values, state);
      return;
    }
    setFlash(request, { heading: 'Due date changed', text: `${actionName(action)} is now due ${parsed.data.due}.` });
    response.redirect(303, pagePaths.action(action.planId, action.id));
  }

  private async show(
    request: Request,
    response: Response,
    action: ActionDetail,
    values: DueFormValues,
    state: FormState,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plans/revise-due.njk',
      {
        ...actionFormModel(action, { title: 'Change the due date', fields: FIELDS, path: 'due' }, state),
        currentDue: action.due.text ?? action.due.rendered,
        values,
      },
      state.status,
    );
  }
}
