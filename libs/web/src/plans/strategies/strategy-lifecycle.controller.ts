import { Body, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import {
  mayDo,
  PlansReadQueries,
  rolesFor,
  StrategyLifecycleCommand,
  type StrategyDetailDto,
  type StrategyTransition,
} from '@due-regard/plans';
import { dateError, dateInputValues, EMPTY_DATE, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import { FORM_ERROR, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, formVersion, textField } from '../../forms/form-body.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { setFlash } from '../../session/flash.js';
import { WebController } from '../../web-controller.decorator.js';
import { CouncilPageContext } from '../shared/council-page-context.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { pageId, refusalOf } from '../shared/plan-pages.js';
import { periodWords } from '../shared/wording.js';

import { strategyPaths } from './strategy-paths.js';

type Step = 'adopt' | 'publish' | 'archive';
type StepCapability = 'adoptStrategy' | 'publishStrategy' | 'archiveStrategy';

interface StepWords {
  readonly capability: StepCapability;
  readonly title: string;
  readonly button: string;
  readonly explanation: string;
  readonly warning: string | null;
  readonly dateLegend: string;
  readonly reasonLabel: string | null;
  readonly done: string;
}

const STEPS: Readonly<Record<Step, StepWords>> = {
  adopt: {
    capability: 'adoptStrategy',
    title: 'Adopt this strategy',
    button: 'Adopt strategy',
    explanation: 'Adopt the strategy once cabinet or council has agreed it. It can then be published.',
    warning: 'An adopted strategy cannot go back to draft, and keeps at least one objective.',
    dateLegend: 'When was it adopted?',
    reasonLabel: null,
    done: 'Strategy adopted',
  },
  publish: {
    capability: 'publishStrategy',
    title: 'Publish this strategy',
    button: 'Publish strategy',
    explanation: 'Publishing the strategy records the date the council made it public.',
    warning: 'A published strategy cannot be unpublished.',
    dateLegend: 'When was it published?',
    reasonLabel: null,
    done: 'Strategy published',
  },
  archive: {
    capability: 'archiveStrategy',
    title: 'Archive this strategy',
    button: 'Archive strategy',
    explanation:
      'An archived strategy is kept for the record: its objectives can no longer change and no new plan can be drafted under it.',
    warning: 'You cannot undo archiving a strategy.',
    dateLegend: 'When was it archived?',
    reasonLabel: 'Why is it archived? (optional)',
    done: 'Strategy archived',
  },
};

interface StepValues {
  readonly on: DateInputValues;
  readonly reason: string;
}

const FIELDS = ['on-day', 'on-month', 'on-year', 'reason'];
const ANCHORS = { adoptedOn: 'on-day', publishedOn: 'on-day', archivedOn: 'on-day', reason: 'reason' };

/**
 * A strategy's way from draft to adopted, published and archived: each step confirmed on a page of
 * its own (what it acts on, what it does, its date) before it is taken, as a council administrator
 * would take it. The strategy's page links here only when the plans policy allows the step.
 */
@WebController()
export class StrategyLifecyclePageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queries: PlansReadQueries,
    private readonly page: CouncilPageContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('strategies/:strategyId/adopt')
  @CouncilAccess(...rolesFor('adoptStrategy'))
  adoptForm(@Param('strategyId') strategyId: string, @Req() request: Request, @Res() response: Response) {
    return this.form('adopt', strategyId, request, response);
  }

  @Post('strategies/:strategyId/adopt')
  @CouncilAccess(...rolesFor('adoptStrategy'))
  adopt(
    @Param('strategyId') strategyId: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.take('adopt', strategyId, body, request, response);
  }

  @Get('strategies/:strategyId/publish')
  @CouncilAccess(...rolesFor('publishStrategy'))
  publishForm(@Param('strategyId') strategyId: string, @Req() request: Request, @Res() response: Response) {
    return this.form('publish', strategyId, request, response);
  }

  @Post('strategies/:strategyId/publish')
  @CouncilAccess(...rolesFor('publishStrategy'))
  publish(
    @Param('strategyId') strategyId: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.take('publish', strategyId, body, request, response);
  }

  @Get('strategies/:strategyId/archive')
  @CouncilAccess(...rolesFor('archiveStrategy'))
  archiveForm(@Param('strategyId') strategyId: string, @Req() request: Request, @Res() response: Response) {
    return this.form('archive', strategyId, request, response);
  }

  @Post('strategies/:strategyId/archive')
  @CouncilAccess(...rolesFor('archiveStrategy'))
  archive(
    @Param('strategyId') strategyId: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.take('archive', strategyId, body, request, response);
  }

  private async form(step: Step, strategyId: string, request: Request, response: Response): Promise<void> {
    const strategy = await this.strategy(strategyId);
    if (!mayDo(this.page.person(), STEPS[step].capability, { strategyStatus: strategy.status })) {
      // The step does not apply in this status (the page never links here then): back to the strategy.
      response.redirect(303, strategyPaths.strategy(strategy.id));
      return;
    }
    await this.show(request, response, step, strategy, { on: EMPTY_DATE, reason: '' }, { version: strategy.version });
  }

  private async take(step: Step, strategyId: string, posted: unknown, request: Request, response: Response) {
    const strategy = await this.strategy(strategyId);
    const body = formBody(posted);
    const version = formVersion(body);
    const values: StepValues = { on: dateInputValues(body, 'on'), reason: textField(body, 'reason') };
    const on = readDateInput(values.on, 'The date');
    const errors: FieldErrors = {
      ...dateError('on', on, null),
      ...(values.reason.length > 10_000 ? { reason: 'The reason must be 10,000 characters or fewer' } : {}),
    };
    if (Object.keys(errors).length > 0) {
      await this.show(request, response, step, strategy, values, { version: version ?? '', errors, status: 400 });
      return;
    }
    const date = on.kind === 'date' ? on.date : undefined;
    const reason = values.reason.trim();
    const transition: StrategyTransition =
      step === 'archive'
        ? { kind: 'archive', on: date, reason: reason === '' ? null : reason }
        : { kind: step, on: date };
    try {
      await this.commandBus.execute(new StrategyLifecycleCommand(strategy.id, transition, version));
    } catch (error) {
      const refusal = refusalOf(error, ANCHORS);
      const state: FormState =
        refusal.kind === 'stale'
          ? {
              version: (await this.strategy(strategyId)).version,
              errors: {
                [FORM_ERROR]:
                  'Someone else changed the strategy after you opened this page: check it, then confirm again',
              },
              status: 409,
            }
          : { version: version ?? '', ...refusal };
      await this.show(request, response, step, strategy, values, state);
      return;
    }
    setFlash(request, { heading: STEPS[step].done });
    response.redirect(303, strategyPaths.strategy(strategy.id));
  }

  private async strategy(strategyId: string): Promise<StrategyDetailDto> {
    await this.page.readModelsMayBeBehind();
    const strategy = await this.queries.strategy(pageId(strategyId));
    if (strategy === null) throw new NotFoundException();
    return strategy;
  }

  private async show(
    request: Request,
    response: Response,
    step: Step,
    strategy: StrategyDetailDto,
    values: StepValues,
    state: FormState,
  ): Promise<void> {
    const words = STEPS[step];
    const back = strategyPaths.strategy(strategy.id);
    const inForce = strategy.objectives.filter((objective) => !objective.retired).length;
    await this.renderer.render(
      request,
      response,
      'plans/confirm-step.njk',
      {
        pageTitle: words.title,
        ...formModel(FIELDS, state),
        caption: strategy.title,
        backHref: back,
        cancelHref: back,
        formAction: strategyPaths.step(strategy.id, step),
        values,
        step: {
          button: words.button,
          explanation: words.explanation,
          warning: words.warning,
          dateLegend: words.dateLegend,
          reasonLabel: words.reasonLabel,
          rows: [
            { key: { text: 'Strategy' }, value: { text: strategy.title } },
            { key: { text: 'Period' }, value: { text: periodWords(strategy.period) } },
            { key: { text: 'Objectives in force' }, value: { text: String(inForce) } },
          ],
        },
      },
      state.status,
    );
  }
}
