import { Body, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { draftStrategyBody, DraftStrategyCommand, rolesFor } from '@due-regard/plans';
import { dateError, dateInputValues, EMPTY_DATE, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, textField } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { refusalOf } from '../shared/plan-pages.js';

import { strategyPaths } from './strategy-paths.js';

interface StrategyFormValues {
  readonly title: string;
  readonly periodFrom: DateInputValues;
  readonly periodTo: DateInputValues;
}

const FIELDS = [
  'title',
  'periodFrom-day',
  'periodFrom-month',
  'periodFrom-year',
  'periodTo-day',
  'periodTo-month',
  'periodTo-year',
];
const ANCHORS = {
  title: 'title',
  period: 'periodFrom-day',
  'period.from': 'periodFrom-day',
  'period.to': 'periodTo-day',
};
const MESSAGES = { title: { too_big: 'The title must be 500 characters or fewer' } };

/** A new equality strategy, in draft: its objectives are added next, then it is adopted and published. */
@WebController()
export class DraftStrategyPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('strategies/new')
  @CouncilAccess(...rolesFor('draftStrategy'))
  async form(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.show(request, response, { title: '', periodFrom: EMPTY_DATE, periodTo: EMPTY_DATE }, {});
  }

  @Post('strategies/new')
  @CouncilAccess(...rolesFor('draftStrategy'))
  async draft(@Body() posted: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const body = formBody(posted);
    const values: StrategyFormValues = {
      title: textField(body, 'title'),
      periodFrom: dateInputValues(body, 'periodFrom'),
      periodTo: dateInputValues(body, 'periodTo'),
    };
    const from = readDateInput(values.periodFrom, 'The date the strategy starts');
    const to = readDateInput(values.periodTo, 'The date the strategy ends');
    const parsed = draftStrategyBody.safeParse({
      title: values.title.trim(),
      period: { from: from.kind === 'date' ? from.date : '', to: to.kind === 'date' ? to.date : '' },
    });
    const errors: FieldErrors = {
      ...(parsed.success
        ? {}
        : fieldErrorsFromZod(
            parsed.error.issues.filter((issue) => issue.path[0] !== 'period'),
            MESSAGES,
            ANCHORS,
          )),
      ...dateError('periodFrom', from, 'Enter the date the strategy starts'),
      ...dateError('periodTo', to, 'Enter the date the strategy ends'),
    };
    if (!parsed.success || Object.keys(errors).length > 0) {
      await this.show(request, response, values, { errors, status: 400 });
      return;
    }
    let strategyId: string;
    try {
      strategyId = (await this.commandBus.execute(new DraftStrategyCommand(parsed.data.title, parsed.data.period))).id;
    } catch (error) {
      const refusal = refusalOf(error, ANCHORS);
      await this.show(request, response, values, refusal.kind === 'stale' ? { status: 409 } : refusal);
      return;
    }
    setFlash(request, {
      heading: 'Strategy drafted',
      text: `${parsed.data.title} is a draft: add its objectives next.`,
    });
    response.redirect(303, strategyPaths.strategy(strategyId));
  }

  private async show(
    request: Request,
    response: Response,
    values: StrategyFormValues,
    state: FormState,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plans/strategies/draft-strategy.njk',
      {
        pageTitle: 'Draft a strategy',
        ...formModel(FIELDS, state),
        backHref: '/plans',
        cancelHref: '/plans',
        formAction: strategyPaths.newStrategy,
        values,
      },
      state.status,
    );
  }
}
