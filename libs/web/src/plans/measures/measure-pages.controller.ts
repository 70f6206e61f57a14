import { Body, ForbiddenException, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import {
  DefineMeasureCommand,
  describeTarget,
  formatMeasureValue,
  GetMeasureQuery,
  mayDo,
  RecordMeasureReadingCommand,
  rolesFor,
  suggestMeasure,
  whyNotPermitted,
  MEASURE_DIRECTIONS,
  MEASURE_UNITS,
  TARGET_COMPARATORS,
  type ActionDetail,
  type MeasureDetail,
} from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { formBody, formVersion } from '../../forms/form-body.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { ukDate, ukDateTime } from '../../rendering/uk-dates.js';
import { setFlash } from '../../session/flash.js';
import { NamesToShow } from '../../users/names-to-show.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionName, labelledRagTag } from '../shared/action-words.js';
import { formModel, type FormState } from '../shared/form-state.js';
import { lineChart } from '../shared/line-chart.js';
import { pageId, pagePaths, PlanPages, refusalOf } from '../shared/plan-pages.js';
import {
  EMPTY_MEASURE_FORM,
  MEASURE_ANCHORS,
  MEASURE_FIELDS,
  measureFormFromSuggestion,
  READING_ANCHORS,
  READING_FIELDS,
  readMeasureForm,
  readReadingForm,
  type MeasureFormValues,
  type ReadingFormValues,
} from './measure-forms.js';

const UNIT_LABELS = { percent: 'A percentage', count: 'A count', money: 'Money (pounds)', text: 'Words' } as const;
const DIRECTION_LABELS = {
  increase: 'Increase',
  decrease: 'Decrease',
  reach: 'Reach a level',
  maintain: 'Maintain a level',
} as const;
const TARGET_LABELS = {
  'more-than': 'More than',
  'at-least': 'At least',
  exactly: 'Exactly',
  'at-most': 'At most',
  'less-than': 'Less than',
} as const;

const measurePath = (measureId: string): string => `/measures/${measureId}`;

/**
 * A measure's page (its readings as a line chart with the table beside it, its RAG beside the
 * action lead's own), the record-a-reading form, and the define-a-measure form on an action,
 * pre-filled from one of its success measures.
 */
@WebController()
export class MeasurePagesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
    private readonly pages: PlanPages,
    private readonly names: NamesToShow,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('measures/:measureId')
  @CouncilAccess(...rolesFor('readPlans'))
  async show(@Param('measureId') measureId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const measure = await this.measure(measureId);
    const action =
      measure.subject.kind === 'action'
        ? await this.pages.action(measure.subject.planId, measure.subject.actionId)
        : null;
    const format = (value: number) => formatMeasureValue(value, measure.unit);
    const numeric = measure.readings.flatMap((reading) =>
      typeof reading.value === 'number'
        ? [{ date: reading.on, value: reading.value, label: `${ukDate(reading.on)}: ${format(reading.value)}` }]
        : [],
    );
    const target = measure.target?.kind === 'threshold' ? measure.target : null;
    const names = await this.names.of(measure.readings.map((reading) => reading.recordedBy));
    const targetWords = describeTarget(measure.target, measure.unit, measure.direction);
    await this.renderer.render(request, response, 'plans/measure.njk', {
      pageTitle: measure.title,
      measure: {
        title: measure.title,
        unit: UNIT_LABELS[measure.unit],
        direction: DIRECTION_LABELS[measure.direction],
        target: targetWords,
        baseline:
          measure.baseline === null
            ? 'None given'
            : `${formatMeasureValue(measure.baseline.value, measure.unit)}${measure.baseline.asOf === null ? '' : ` (${ukDate(measure.baseline.asOf)})`}`,
        ragTag: labelledRagTag(measure.rag),
      },
      action:
        action === null
          ? null
          : {
              name: actionName(action),
              href: pagePaths.action(action.planId, action.id),
              ragTag: labelledRagTag(action.rag),
            },
      chart:
        numeric.length === 0
          ? null
          : {
              ...lineChart(
                numeric,
                target === null ? null : { value: target.value, label: `Target: ${targetWords}` },
                format,
              ),
              firstOn: ukDate(numeric[0]?.date ?? null),
              lastOn: numeric.length > 1 ? ukDate(numeric.at(-1)?.date ?? null) : null,
              description: `${measure.title}: ${numeric.length} reading${numeric.length === 1 ? '' : 's'}, from ${numeric[0]?.label ?? ''} to ${numeric.at(-1)?.label ?? ''}. Target: ${targetWords}.`,
            },
      readings: measure.readings,
      // The table beside the chart, newest first: who recorded each reading, and when.
      readingRows: [...measure.readings].reverse().map((reading) => [
        { text: ukDate(reading.on) },
        {
          text: formatMeasureValue(reading.value, measure.unit),
          ...(measure.unit === 'text' ? {} : { format: 'numeric' }),
        },
        {
          text: [
            reading.note,
            `By ${names.get(reading.recordedBy) ?? reading.recordedBy}, ${ukDateTime(reading.recordedAt)}`,
          ]
            .filter((part) => part !== null)
            .join('. '),
        },
      ]),
      history: [...measure.history]
        .reverse()
        .map((entry) => ({ when: ukDateTime(entry.time), summary: entry.summary })),
      recordReadingHref: this.mayRecord(measure, action) ? `${measurePath(measureId)}/readings` : null,
    });
  }

  @Get('measures/:measureId/readings')
  @CouncilAccess(...rolesFor('recordMeasureReading'))
  async readingForm(
    @Param('measureId') measureId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const measure = await this.measureToRecord(measureId);
    await this.showReadingForm(
      request,
      response,
      measure,
      { value: '', on: { day: '', month: '', year: '' }, note: '' },
      {
        version: measure.version,
      },
    );
  }

  @Post('measures/:measureId/readings')
  @CouncilAccess(...rolesFor('recordMeasureReading'))
  async recordReading(
    @Param('measureId') measureId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const measure = await this.measureToRecord(measureId);
    const body = formBody(posted);
    const version = formVersion(body);
    const form = readReadingForm(body, measure.unit);
    if (form.kind === 'invalid') {
      await this.showReadingForm(request, response, measure, form.values, {
        version: version ?? '',
        errors: form.errors,
        status: 400,
      });
      return;
    }
    try {
      await this.commandBus.execute(new RecordMeasureReadingCommand(measure.id, form.reading, undefined));
    } catch (error) {
      const refusal = refusalOf(error, READING_ANCHORS);
      if (refusal.kind === 'stale') throw error;
      await this.showReadingForm(request, response, measure, form.values, {
        version: version ?? '',
        errors: refusal.errors,
        status: refusal.status,
      });
      return;
    }
    setFlash(request, { heading: 'Reading recorded', text: `Your reading of "${measure.title}" has been saved.` });
    response.redirect(303, measurePath(measure.id));
  }

  @Get('plans/:planId/actions/:actionId/measures')
  @CouncilAccess(...rolesFor('defineMeasure'))
  async measureForm(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Query('from') from: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    const sentence = from === undefined ? undefined : action.successMeasures[Number(from)];
    const suggestion = sentence === undefined ? null : suggestMeasure(sentence);
    await this.showMeasureForm(
      request,
      response,
      action,
      suggestion === null ? EMPTY_MEASURE_FORM : measureFormFromSuggestion(suggestion),
      { sentence: sentence ?? null, readFrom: suggestion?.readFrom ?? null },
      {},
    );
  }

  @Post('plans/:planId/actions/:actionId/measures')
  @CouncilAccess(...rolesFor('defineMeasure'))
  async defineMeasure(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    const form = readMeasureForm(formBody(posted));
    if (form.kind === 'invalid') {
      await this.showMeasureForm(
        request,
        response,
        action,
        form.values,
        { sentence: null, readFrom: null },
        { errors: form.errors, status: 400 },
      );
      return;
    }
    let measureId: string;
    try {
      measureId = (
        await this.commandBus.execute(new DefineMeasureCommand({ ...form.measure, subject: { actionId: action.id } }))
      ).id;
    } catch (error) {
      const refusal = refusalOf(error, MEASURE_ANCHORS);
      if (refusal.kind === 'stale') throw error;
      await this.showMeasureForm(
        request,
        response,
        action,
        form.values,
        { sentence: null, readFrom: null },
        { errors: refusal.errors, status: refusal.status },
      );
      return;
    }
    setFlash(request, {
      heading: 'Measure defined',
      text: `"${form.measure.title}" is now measured on ${actionName(action)}.`,
    });
    response.redirect(303, measurePath(measureId));
  }

  private async measure(measureId: string): Promise<MeasureDetail> {
    try {
      return await this.queryBus.execute(new GetMeasureQuery(pageId(measureId)));
    } catch (error) {
      if (error instanceof NotFound) throw new NotFoundException();
      throw error;
    }
  }

  private mayRecord(measure: MeasureDetail, action: ActionDetail | null): boolean {
    return (
      measure.status === 'active' &&
      whyNotPermitted(this.pages.person(), 'recordMeasureReading', { leads: action?.leads ?? [] }) === null
    );
  }

  /** A measure a lead may record on; the command refuses the others too, so the form is not even shown. */
  private async measureToRecord(measureId: string): Promise<MeasureDetail> {
    const measure = await this.measure(measureId);
    const action =
      measure.subject.kind === 'action'
        ? await this.pages.action(measure.subject.planId, measure.subject.actionId)
        : null;
    const refusal = whyNotPermitted(this.pages.person(), 'recordMeasureReading', { leads: action?.leads ?? [] });
    if (refusal !== null) throw new ForbiddenException(refusal);
    return measure;
  }

  private async showReadingForm(
    request: Request,
    response: Response,
    measure: MeasureDetail,
    values: ReadingFormValues,
    state: FormState,
  ): Promise<void> {
    const href = measurePath(measure.id);
    await this.renderer.render(
      request,
      response,
      'plans/record-reading.njk',
      {
        pageTitle: 'Record a reading',
        caption: measure.title,
        ...formModel(READING_FIELDS, state),
        backHref: href,
        cancelHref: href,
        formAction: `${href}/readings`,
        values,
        words: measure.unit === 'text',
        prefix: measure.unit === 'money' ? '£' : null,
        suffix: measure.unit === 'percent' ? '%' : null,
      },
      state.status,
    );
  }

  private async showMeasureForm(
    request: Request,
    response: Response,
    action: ActionDetail,
    values: MeasureFormValues,
    from: { readonly sentence: string | null; readonly readFrom: string | null },
    state: FormState,
  ): Promise<void> {
    if (!mayDo(this.pages.person(), 'defineMeasure')) throw new ForbiddenException();
    const actionHref = pagePaths.action(action.planId, action.id);
    await this.renderer.render(
      request,
      response,
      'plans/define-measure.njk',
      {
        pageTitle: 'Define a measure',
        caption: actionName(action),
        ...formModel(MEASURE_FIELDS, state),
        backHref: actionHref,
        cancelHref: actionHref,
        formAction: `${actionHref}/measures`,
        values,
        sentence: from.sentence,
        readFrom: from.readFrom,
        unitItems: MEASURE_UNITS.map((unit) => ({
          value: unit,
          text: UNIT_LABELS[unit],
          checked: values.unit === unit,
        })),
        directionItems: MEASURE_DIRECTIONS.map((direction) => ({
          value: direction,
          text: DIRECTION_LABELS[direction],
          checked: values.direction === direction,
        })),
        targetItems: [
          { value: 'none', text: 'No target', selected: values.targetKind === 'none' },
          { value: 'direction', text: 'Better than the baseline', selected: values.targetKind === 'direction' },
          ...TARGET_COMPARATORS.map((comparator) => ({
            value: comparator,
            text: TARGET_LABELS[comparator],
            selected: values.targetKind === comparator,
          })),
        ],
      },
      state.status,
    );
  }
}
