import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { RecordProgressCommand, rolesFor, type ActionDetail } from '@due-regard/plans';
import { formBody, formVersion } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionName } from '../shared/action-words.js';
import { ragItems, statusItems } from '../shared/action-words.js';
import { actionFormModel, type FormState } from '../shared/form-state.js';
import { pagePaths, PlanPages } from '../shared/plan-pages.js';
import {
  PROGRESS_ANCHORS,
  PROGRESS_FIELDS,
  readProgressForm,
  type ProgressFormValues,
} from './record-progress.form.js';

const NARRATIVE_MAX = 10_000;

/** "Progress to date": status, RAG and the lead's narrative, as of a date (today when left blank). */
@WebController()
export class RecordProgressPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pages: PlanPages,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/actions/:actionId/progress')
  @CouncilAccess(...rolesFor('recordProgress'))
  async form(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    this.pages.assertPermitted('recordProgress', action);
    const values: ProgressFormValues = {
      status: action.status,
      rag: action.rag,
      narrative: '',
      asOf: { day: '', month: '', year: '' },
    };
    await this.show(request, response, action, values, { version: action.version });
  }

  @Post('plans/:planId/actions/:actionId/progress')
  @CouncilAccess(...rolesFor('recordProgress'))
  async record(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    this.pages.assertPermitted('recordProgress', action);
    const body = formBody(posted);
    const version = formVersion(body);
    const form = readProgressForm(body);
    if (form.kind === 'invalid') {
      await this.show(request, response, action, form.values, {
        version: version ?? '',
        errors: form.errors,
        status: 400,
      });
      return;
    }
    try {
      await this.commandBus.execute(new RecordProgressCommand(action.planId, action.id, form.report, version));
    } catch (error) {
      const state = await this.pages.formStateAfter(error, action, version, PROGRESS_ANCHORS);
      await this.show(request, response, action, form.values, state);
      return;
    }
    setFlash(request, { heading: 'Progress recorded', text: `Your update on ${actionName(action)} has been saved.` });
    response.redirect(303, pagePaths.action(action.planId, action.id));
  }

  private async show(
    request: Request,
    response: Response,
    action: ActionDetail,
    values: ProgressFormValues,
    state: FormState,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plans/record-progress.njk',
      {
        ...actionFormModel(action, { title: 'Record progress', fields: PROGRESS_FIELDS, path: 'progress' }, state),
        values,
        statusItems: statusItems(values.status),
        ragItems: ragItems(values.rag),
        narrativeMax: NARRATIVE_MAX,
      },
      state.status,
    );
  }
}
