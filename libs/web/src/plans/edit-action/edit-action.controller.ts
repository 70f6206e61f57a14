import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { reviseActionBody, ReviseActionCommand, rolesFor, type ActionDetail, type PlanAsOf } from '@due-regard/plans';
import { fieldErrorsFromZod } from '../../forms/field-errors.js';
import { formBody, formVersion } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionName } from '../shared/action-words.js';
import {
  ACTION_ANCHORS,
  ACTION_MESSAGES,
  actionBodyOf,
  actionFormValues,
  characteristicItems,
  type ActionFormValues,
} from '../shared/action-fields.js';
import { actionFormModel, type FormState } from '../shared/form-state.js';
import { pagePaths, PlanPages } from '../shared/plan-pages.js';

const FIELDS = ['title', 'description', 'objectiveId', 'leads', 'successMeasures', 'protectedCharacteristics'];

/** Reword an action, reassign its leads, move it to another objective: all at once or not at all. */
@WebController()
export class EditActionPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pages: PlanPages,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/actions/:actionId/edit')
  @CouncilAccess(...rolesFor('reviseAction'))
  async form(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    const plan = await this.pages.plan(planId);
    const values: ActionFormValues = {
      ref: action.ref ?? '',
      objectiveId: action.objectiveId,
      title: action.title,
      description: action.description ?? '',
      due: action.due.text ?? '',
      leads: action.leads.join('\n'),
      successMeasures: action.successMeasures.join('\n'),
      protectedCharacteristics: action.protectedCharacteristics,
    };
    await this.show(request, response, action, plan, values, { version: action.version });
  }

  @Post('plans/:planId/actions/:actionId/edit')
  @CouncilAccess(...rolesFor('reviseAction'))
  async edit(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    const plan = await this.pages.plan(planId);
    const body = formBody(posted);
    const version = formVersion(body);
    const values = actionFormValues(body);
    const parsed = reviseActionBody.safeParse(actionBodyOf(values));
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error.issues, ACTION_MESSAGES, ACTION_ANCHORS);
      await this.show(request, response, action, plan, values, { version: version ?? '', errors, status: 400 });
      return;
    }
    try {
      await this.commandBus.execute(new ReviseActionCommand(action.planId, action.id, parsed.data, version));
    } catch (error) {
      const state = await this.pages.formStateAfter(error, action, version, ACTION_ANCHORS);
      await this.show(request, response, action, plan, values, state);
      return;
    }
    setFlash(request, { heading: 'Action updated', text: `Your changes to ${actionName(action)} have been saved.` });
    response.redirect(303, pagePaths.action(action.planId, action.id));
  }

  private async show(
    request: Request,
    response: Response,
    action: ActionDetail,
    plan: PlanAsOf,
    values: ActionFormValues,
    state: FormState,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plans/edit-action.njk',
      {
        ...actionFormModel(action, { title: 'Edit action', fields: FIELDS, path: 'edit' }, state),
        yourThing: 'changes',
        showRefAndDue: false,
        values,
        objectiveItems: this.pages.objectiveItems(plan, values.objectiveId, action.objectiveId),
        characteristicItems: characteristicItems(values.protectedCharacteristics),
      },
      state.status,
    );
  }
}
