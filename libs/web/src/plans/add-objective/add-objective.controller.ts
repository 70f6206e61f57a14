import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { AddObjectiveCommand, PlansReadQueries, rolesFor } from '@due-regard/plans';
import { FORM_ERROR } from '../../forms/field-errors.js';
import { formBody } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { pageId, pagePaths, refusalOf } from '../shared/plan-pages.js';
import {
  EMPTY_OBJECTIVE,
  OBJECTIVE_ANCHORS,
  OBJECTIVE_FIELDS,
  objectiveChoices,
  parseObjective,
  postedObjective,
  type ObjectiveFormValues,
} from '../strategies/objective-form.js';
import { strategyPaths } from '../strategies/strategy-paths.js';

/**
 * A new objective of a strategy ("PEO 1 To assess, consult and evaluate…"). Opened from a plan's
 * page with `?plan=<planId>`, it leads back there; otherwise to the strategy's page.
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
    await this.show(request, response, strategy, returnPlan(plan), EMPTY_OBJECTIVE, {});
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
    const values = postedObjective(body);
    const parsed = parseObjective(values);
    if (!parsed.ok) {
      await this.show(request, response, strategy, plan, values, { errors: parsed.errors, status: 400 });
      return;
    }
    const { objective } = parsed;
    try {
      await this.commandBus.execute(
        new AddObjectiveCommand(
          strategy.id,
          {
            ref: objective.ref ?? null,
            title: objective.title,
            description: objective.description ?? null,
            psedAims: objective.psedAims ?? [],
            eflgModules: objective.eflgModules ?? [],
            group: objective.group ?? null,
          },
          undefined,
        ),
      );
    } catch (error) {
      const refusal = refusalOf(error, OBJECTIVE_ANCHORS);
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
    response.redirect(303, plan === null ? strategyPaths.strategy(strategy.id) : pagePaths.plan(plan));
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
    const back = plan === null ? strategyPaths.strategy(strategy.id) : pagePaths.plan(plan);
    await this.renderer.render(
      request,
      response,
      'plans/add-objective.njk',
      {
        pageTitle: 'Add an objective',
        ...formModel(OBJECTIVE_FIELDS, state),
        caption: strategy.title,
        backHref: back,
        cancelHref: back,
        formAction: `/strategies/${strategy.id}/objectives/new`,
        returnPlan: plan,
        values,
        ...objectiveChoices(values),
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
