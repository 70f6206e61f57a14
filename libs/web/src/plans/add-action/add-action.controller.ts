import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { addActionBody, AddActionCommand, rolesFor, type PlanAsOf } from '@due-regard/plans';
import { FORM_ERROR, fieldErrorsFromZod } from '../../forms/field-errors.js';
import { formBody } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import {
  ACTION_ANCHORS,
  ACTION_MESSAGES,
  actionBodyOf,
  actionFormValues,
  characteristicItems,
  type ActionFormValues,
} from '../shared/action-fields.js';
import { planFormModel, type FormState } from '../shared/form-state.js';
import { pagePaths, PlanPages, refusalOf } from '../shared/plan-pages.js';

const FIELDS = [
  'ref',
  'title',
  'description',
  'objectiveId',
  'due',
  'leads',
  'successMeasures',
  'protectedCharacteristics',
];

const EMPTY: ActionFormValues = {
  ref: '',
  objectiveId: '',
  title: '',
  description: '',
  due: '',
  leads: '',
  successMeasures: '',
  protectedCharacteristics: [],
};

/** A new action of a plan, under one of its strategy's objectives. */
@WebController()
export class AddActionPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pages: PlanPages,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/actions/new')
  @CouncilAccess(...rolesFor('addAction'))
  async form(@Param('planId') planId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const plan = await this.pages.plan(planId);
    await this.show(request, response, plan, EMPTY, {});
  }

  @Post('plans/:planId/actions/new')
  @CouncilAccess(...rolesFor('addAction'))
  async add(
    @Param('planId') planId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const plan = await this.pages.plan(planId);
    const values = actionFormValues(formBody(posted));
    const ref = values.ref.trim();
    const parsed = addActionBody.safeParse({
      ...actionBodyOf(values),
      title: values.title.trim(),
      ref: ref === '' ? null : ref,
      due: values.due.trim(),
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error.issues, ACTION_MESSAGES, ACTION_ANCHORS);
      await this.show(request, response, plan, values, { errors, status: 400 });
      return;
    }
    const { data } = parsed;
    let actionId: string;
    try {
      const result = await this.commandBus.execute(
        new AddActionCommand(
          plan.plan.planId,
          {
            ref: data.ref,
            objectiveId: data.objectiveId,
            title: data.title,
            description: data.description ?? null,
            due: data.due,
            leads: data.leads ?? [],
            successMeasures: data.successMeasures ?? [],
            protectedCharacteristics: data.protectedCharacteristics ?? [],
          },
          undefined,
        ),
      );
      actionId = result.id;
    } catch (error) {
      const refusal = refusalOf(error, ACTION_ANCHORS);
      // No version is sent, so a stale one only means two people added an action at the same moment.
      const state: FormState =
        refusal.kind === 'stale'
          ? {
              errors: { [FORM_ERROR]: 'Someone else added an action at the same moment: add yours again' },
              status: 409,
            }
          : refusal;
      await this.show(request, response, plan, values, state);
      return;
    }
    setFlash(request, { heading: 'Action added', text: `The action has been added to ${plan.plan.title}.` });
    response.redirect(303, pagePaths.action(plan.plan.planId, actionId));
  }

  private async show(
    request: Request,
    response: Response,
    plan: PlanAsOf,
    values: ActionFormValues,
    state: FormState,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plans/add-action.njk',
      {
        ...planFormModel(plan, { title: 'Add an action', fields: FIELDS, path: 'actions/new' }, state),
        showRefAndDue: true,
        values,
        objectiveItems: this.pages.objectiveItems(plan, values.objectiveId),
        characteristicItems: characteristicItems(values.protectedCharacteristics),
      },
      state.status,
    );
  }
}
