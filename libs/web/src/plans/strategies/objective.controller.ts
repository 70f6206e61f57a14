import { Body, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import {
  GetStrategyHistoryQuery,
  PlansReadQueries,
  RetireObjectiveCommand,
  ReviseObjectiveCommand,
  rolesFor,
  type ObjectiveDto,
  type StrategyDetailDto,
} from '@due-regard/plans';
import { FORM_ERROR, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, formVersion, textField } from '../../forms/form-body.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { setFlash } from '../../session/flash.js';
import { NamesToShow } from '../../users/names-to-show.js';
import { WebController } from '../../web-controller.decorator.js';
import { historyRows } from '../history/action-history-view.js';
import { CouncilPageContext } from '../shared/council-page-context.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { pageId, refusalOf, type Refusal } from '../shared/plan-pages.js';
import {
  OBJECTIVE_ANCHORS,
  OBJECTIVE_FIELDS,
  objectiveChoices,
  objectiveValues,
  parseObjective,
  postedObjective,
  type ObjectiveFormValues,
} from './objective-form.js';
import { mayRetireObjective } from './strategy-view.js';
import { strategyPaths } from './strategy-paths.js';

const STALE = 'Someone else changed the strategy after you opened this page: check the objective, then save again';

/**
 * One objective of a strategy: reworded (its reference, words, description) and reclassified (PSED
 * aims, EFLG modules, group) in one form, with its history below; or retired, saying why. Both
 * through the same commands as the API, against the strategy's version the page was opened at.
 */
@WebController()
export class ObjectivePageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly queries: PlansReadQueries,
    private readonly page: CouncilPageContext,
    private readonly names: NamesToShow,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('strategies/:strategyId/objectives/:objectiveId')
  @CouncilAccess(...rolesFor('reviseObjective'))
  async form(
    @Param('strategyId') strategyId: string,
    @Param('objectiveId') objectiveId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { strategy, objective } = await this.objective(strategyId, objectiveId);
    await this.show(request, response, strategy, objective, objectiveValues(objective), { version: strategy.version });
  }

  @Post('strategies/:strategyId/objectives/:objectiveId')
  @CouncilAccess(...rolesFor('reviseObjective'))
  async revise(
    @Param('strategyId') strategyId: string,
    @Param('objectiveId') objectiveId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { strategy, objective } = await this.objective(strategyId, objectiveId);
    const body = formBody(posted);
    const version = formVersion(body);
    const values = postedObjective(body);
    const parsed = parseObjective(values);
    if (!parsed.ok) {
      await this.show(request, response, strategy, objective, values, {
        version: version ?? '',
        errors: parsed.errors,
        status: 400,
      });
      return;
    }
    const changes = parsed.objective;
    try {
      await this.commandBus.execute(
        new ReviseObjectiveCommand(
          strategy.id,
          objective.id,
          {
            ref: changes.ref ?? null,
            title: changes.title,
            description: changes.description ?? null,
            psedAims: changes.psedAims ?? [],
            eflgModules: changes.eflgModules ?? [],
            group: changes.group ?? null,
          },
          version,
        ),
      );
    } catch (error) {
      const state = await this.stateAfter(refusalOf(error, OBJECTIVE_ANCHORS), strategy.id, version);
      await this.show(request, response, strategy, objective, values, state);
      return;
    }
    setFlash(request, { heading: 'Objective changed', text: 'Its change is in the strategy’s history.' });
    response.redirect(303, strategyPaths.strategy(strategy.id));
  }

  @Get('strategies/:strategyId/objectives/:objectiveId/retire')
  @CouncilAccess(...rolesFor('retireObjective'))
  async retireForm(
    @Param('strategyId') strategyId: string,
    @Param('objectiveId') objectiveId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { strategy, objective } = await this.objective(strategyId, objectiveId);
    await this.showRetire(request, response, strategy, objective, '', { version: strategy.version });
  }

  @Post('strategies/:strategyId/objectives/:objectiveId/retire')
  @CouncilAccess(...rolesFor('retireObjective'))
  async retire(
    @Param('strategyId') strategyId: string,
    @Param('objectiveId') objectiveId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { strategy, objective } = await this.objective(strategyId, objectiveId);
    const body = formBody(posted);
    const version = formVersion(body);
    const reason = textField(body, 'reason');
    if (reason.length > 10_000) {
      const errors: FieldErrors = { reason: 'The reason must be 10,000 characters or fewer' };
      await this.showRetire(request, response, strategy, objective, reason, {
        version: version ?? '',
        errors,
        status: 400,
      });
      return;
    }
    try {
      const why = reason.trim();
      await this.commandBus.execute(
        new RetireObjectiveCommand(strategy.id, objective.id, why === '' ? null : why, version),
      );
    } catch (error) {
      const state = await this.stateAfter(refusalOf(error, { reason: 'reason' }), strategy.id, version);
      await this.showRetire(request, response, strategy, objective, reason, state);
      return;
    }
    setFlash(request, {
      heading: 'Objective retired',
      text: 'Actions can no longer be filed under it; its history stays.',
    });
    response.redirect(303, strategyPaths.strategy(strategy.id));
  }

  /** A refused change: what to correct, or (the strategy moved on) the same form at the strategy's new version. */
  private async stateAfter(refusal: Refusal, strategyId: string, version: number | undefined): Promise<FormState> {
    if (refusal.kind === 'invalid') return { version: version ?? '', errors: refusal.errors, status: refusal.status };
    const fresh = await this.queries.strategy(strategyId);
    return { version: fresh?.version ?? '', errors: { [FORM_ERROR]: STALE }, status: 409 };
  }

  /** The objective in force of a strategy the council has; 404 otherwise (a retired objective takes no change). */
  private async objective(
    strategyId: string,
    objectiveId: string,
  ): Promise<{ strategy: StrategyDetailDto; objective: ObjectiveDto }> {
    await this.page.readModelsMayBeBehind();
    const strategy = await this.queries.strategy(pageId(strategyId));
    const objective = strategy?.objectives.find((candidate) => candidate.id === objectiveId && !candidate.retired);
    if (strategy === null || objective === undefined) throw new NotFoundException();
    return { strategy, objective };
  }

  private async show(
    request: Request,
    response: Response,
    strategy: StrategyDetailDto,
    objective: ObjectiveDto,
    values: ObjectiveFormValues,
    state: FormState,
  ): Promise<void> {
    const back = strategyPaths.strategy(strategy.id);
    const person = this.page.person();
    const history = await this.queryBus.execute(new GetStrategyHistoryQuery(strategy.id));
    const events = history.events.filter((event) => event.objectiveId === objective.id);
    const names = await this.names.of(events.map((event) => event.actorId));
    await this.renderer.render(
      request,
      response,
      'plans/strategies/edit-objective.njk',
      {
        pageTitle: `Change objective ${objective.ref ?? ''}`.trim(),
        ...formModel(OBJECTIVE_FIELDS, state),
        caption: strategy.title,
        backHref: back,
        cancelHref: back,
        formAction: strategyPaths.objective(strategy.id, objective.id),
        values,
        ...objectiveChoices(values),
        historyRows: historyRows(events, names),
        retireHref: mayRetireObjective(person, strategy)
          ? strategyPaths.retireObjective(strategy.id, objective.id)
          : null,
      },
      state.status,
    );
  }

  private async showRetire(
    request: Request,
    response: Response,
    strategy: StrategyDetailDto,
    objective: ObjectiveDto,
    reason: string,
    state: FormState,
  ): Promise<void> {
    const back = strategyPaths.objective(strategy.id, objective.id);
    await this.renderer.render(
      request,
      response,
      'plans/confirm-step.njk',
      {
        pageTitle: 'Retire this objective',
        ...formModel(['reason'], state),
        caption: strategy.title,
        backHref: back,
        cancelHref: back,
        formAction: strategyPaths.retireObjective(strategy.id, objective.id),
        values: { reason },
        step: {
          button: 'Retire objective',
          explanation:
            'A retired objective stays in the strategy’s record, and actions already filed under it keep it, but no new action can be filed under it.',
          warning: 'You cannot bring a retired objective back: add a new one instead.',
          dateLegend: null,
          reasonLabel: 'Why is it retired? (optional)',
          rows: [
            { key: { text: 'Reference' }, value: { text: objective.ref ?? 'None' } },
            { key: { text: 'Objective' }, value: { text: objective.title } },
          ],
        },
      },
      state.status,
    );
  }
}
