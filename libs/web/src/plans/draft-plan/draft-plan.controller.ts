import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { draftPlanBody, DraftPlanCommand, PlansReadQueries, rolesFor } from '@due-regard/plans';
import { dateInputValues, readDateInput, type DateInputResult, type DateInputValues } from '../../forms/date-input.js';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, textField } from '../../forms/form-body.js';
import { setFlash } from '../../session/flash.js';
import { ukDate } from '../../rendering/uk-dates.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { pagePaths, refusalOf } from '../shared/plan-pages.js';

interface PlanFormValues {
  readonly strategyId: string;
  readonly title: string;
  readonly periodFrom: DateInputValues;
  readonly periodTo: DateInputValues;
}

const FIELDS = [
  'strategyId',
  'title',
  'periodFrom-day',
  'periodFrom-month',
  'periodFrom-year',
  'periodTo-day',
  'periodTo-month',
  'periodTo-year',
];
const ANCHORS = {
  strategyId: 'strategyId',
  title: 'title',
  period: 'periodFrom-day',
  'period.from': 'periodFrom-day',
  'period.to': 'periodTo-day',
};
const MESSAGES = {
  strategyId: { default: 'Select the strategy the plan carries out' },
  title: { too_big: 'The title must be 500 characters or fewer' },
};
const EMPTY_DATE: DateInputValues = { day: '', month: '', year: '' };

/** The date input's error, keyed by the part to link to; nothing when it holds a date. */
function dateError(prefix: string, result: DateInputResult, whenEmpty: string): FieldErrors {
  if (result.kind === 'empty') return { [`${prefix}-day`]: whenEmpty };
  if (result.kind === 'invalid') return { [`${prefix}-${result.parts[0] ?? 'day'}`]: result.message };
  return {};
}

/** A new action plan, in draft, under one of the council's strategies, for a period within the strategy's. */
@WebController()
export class DraftPlanPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/new')
  @CouncilAccess(...rolesFor('draftPlan'))
  async form(@Query('strategy') strategy: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    // Opened from a strategy's page, the form has that strategy chosen (only one of the list is ever selected).
    const strategyId = typeof strategy === 'string' ? strategy : '';
    const values = { strategyId, title: '', periodFrom: EMPTY_DATE, periodTo: EMPTY_DATE };
    await this.show(request, response, values, {});
  }

  @Post('plans/new')
  @CouncilAccess(...rolesFor('draftPlan'))
  async draft(@Body() posted: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const body = formBody(posted);
    const values: PlanFormValues = {
      strategyId: textField(body, 'strategyId'),
      title: textField(body, 'title'),
      periodFrom: dateInputValues(body, 'periodFrom'),
      periodTo: dateInputValues(body, 'periodTo'),
    };
    const from = readDateInput(values.periodFrom, 'The date the plan starts');
    const to = readDateInput(values.periodTo, 'The date the plan ends');
    const parsed = draftPlanBody.safeParse({
      strategyId: values.strategyId,
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
      ...dateError('periodFrom', from, 'Enter the date the plan starts'),
      ...dateError('periodTo', to, 'Enter the date the plan ends'),
    };
    if (!parsed.success || Object.keys(errors).length > 0) {
      await this.show(request, response, values, { errors, status: 400 });
      return;
    }
    let planId: string;
    try {
      const { strategyId, title, period } = parsed.data;
      planId = (await this.commandBus.execute(new DraftPlanCommand(strategyId, title, period))).id;
    } catch (error) {
      const refusal = refusalOf(error, ANCHORS);
      await this.show(request, response, values, refusal.kind === 'stale' ? { status: 409 } : refusal);
      return;
    }
    setFlash(request, { heading: 'Plan drafted', text: `${parsed.data.title} is a draft: add its actions next.` });
    response.redirect(303, pagePaths.plan(planId));
  }

  private async show(request: Request, response: Response, values: PlanFormValues, state: FormState): Promise<void> {
    const { strategies } = await this.queries.listStrategies();
    const current = strategies.filter((strategy) => strategy.status !== 'archived');
    const items = current.map((strategy) => ({
      value: strategy.id,
      text: `${strategy.title} (${ukDate(strategy.period.from)} to ${ukDate(strategy.period.to)})`,
      selected: strategy.id === values.strategyId,
    }));
    await this.renderer.render(
      request,
      response,
      'plans/draft-plan.njk',
      {
        pageTitle: 'Draft an action plan',
        ...formModel(FIELDS, state),
        backHref: '/plans',
        cancelHref: '/plans',
        formAction: '/plans/new',
        values,
        strategyItems: items.some((item) => item.selected)
          ? items
          : [{ value: '', text: 'Select a strategy', selected: true }, ...items],
      },
      state.status,
    );
  }
}
