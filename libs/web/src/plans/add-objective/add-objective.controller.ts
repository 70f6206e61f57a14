import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import {
  addObjectiveBody,
  AddObjectiveCommand,
  PlansReadQueries,
  PSED_AIM_LABELS,
  PSED_AIMS,
  rolesFor,
} from '@due-regard/plans';
import { FORM_ERROR, fieldErrorsFromZod } from '../../forms/field-errors.js';
import { checkedValues, formBody, textField } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { pageId, pagePaths, refusalOf } from '../shared/plan-pages.js';

interface ObjectiveFormValues {
  readonly ref: string;
  readonly title: string;
  readonly description: string;
  readonly psedAims: readonly string[];
}

const FIELDS = ['ref', 'title', 'description', 'psedAims'];
const ANCHORS = { ref: 'ref', title: 'title', description: 'description', psedAims: 'psedAims' };
const MESSAGES = {
  ref: { too_big: 'The reference must be 50 characters or fewer' },
  title: { too_big: 'The objective must be 500 characters or fewer' },
  description: { too_big: 'The description must be 10,000 characters or fewer' },
  psedAims: { default: 'Select aims from the list' },
};

/**
 * A new objective of a strategy ("PEO 1 To assess, consult and evaluate…"). Opened from a plan's
 * page with `?plan=<planId>`, it leads back there; otherwise to the list of plans.
 */
@WebController()
export class AddObjectivePageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('strategies/:strategyId/objectives/new')
  @CouncilAccess(...rolesFor('addObjective'))
  async form(
    @Param('strategyId') strategyId: string,
    @Query('plan') plan: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const strategy = await this.strategy(strategyId);
    const values = { ref: '', title: '', description: '', psedAims: [] };
    await this.show(request, response, strategy, returnPlan(plan), values, {});
  }

  @Post('strategies/:strategyId/objectives/new')
  @CouncilAccess(...rolesFor('addObjective'))
  async add(
    @Param('strategyId') strategyId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const strategy = await this.strategy(strategyId);
    const body = formBody(posted);
    const plan = returnPlan(body['plan']);
    const values: ObjectiveFormValues = {
      ref: textField(body, 'ref'),
      title: textField(body, 'title'),
      description: textField(body, 'description'),
      psedAims: checkedValues(body, 'psedAims'),
    };
    const ref = values.ref.trim();
    const description = values.description.trim();
    const parsed = addObjectiveBody.safeParse({
      ref: ref === '' ? null : ref,
      title: values.title.trim(),
      description: description === '' ? null : description,
      psedAims: values.psedAims,
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error.issues, MESSAGES, ANCHORS);
      await this.show(request, response, strategy, plan, values, { errors, status: 400 });
      return;
    }
    try {
      await this.commandBus.execute(
        new AddObjectiveCommand(
          strategy.id,
          {
            ref: parsed.data.ref ?? null,
            title: parsed.data.title,
            description: parsed.data.description ?? null,
            psedAims: parsed.data.psedAims ?? [],
            eflgModules: [],
            group: null,
          },
          undefined,
        ),
      );
    } catch (error) {
      const refusal = refusalOf(error, ANCHORS);
      const state: FormState =
        refusal.kind === 'stale'
          ? {
              errors: { [FORM_ERROR]: 'Someone else changed the strategy at the same moment: add the objective again' },
              status: 409,
            }
          : refusal;
      await this.show(request, response, strategy, plan, values, state);
      return;
    }
    setFlash(request, { heading: 'Objective added', text: `It is now one of the objectives of ${strategy.title}.` });
    response.redirect(303, plan === null ? '/plans' : pagePaths.plan(plan));
  }

  private async strategy(strategyId: string): Promise<{ id: string; title: string }> {
    const strategy = await this.queries.strategy(pageId(strategyId));
    if (strategy === null) throw new NotFoundException();
    return { id: strategy.id, title: strategy.title };
  }

  private async show(
    request: Request,
    response: Response,
    strategy: { id: string; title: string },
    plan: string | null,
    values: ObjectiveFormValues,
    state: FormState,
  ): Promise<void> {
    const back = plan === null ? '/plans' : pagePaths.plan(plan);
    await this.renderer.render(
      request,
      response,
      'plans/add-objective.njk',
      {
        pageTitle: 'Add an objective',
        ...formModel(FIELDS, state),
        caption: strategy.title,
        backHref: back,
        cancelHref: back,
        formAction: `/strategies/${strategy.id}/objectives/new`,
        returnPlan: plan,
        values,
        aimItems: PSED_AIMS.map((aim) => ({
          value: aim,
          text: PSED_AIM_LABELS[aim],
          checked: values.psedAims.includes(aim),
        })),
      },
      state.status,
    );
  }
}

/** The plan to go back to: only an id we issue, never an address (no open redirect). */
function returnPlan(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    return pageId(value);
  } catch {
    return null;
  }
}
