import { Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import {
  describeTarget,
  formatMeasureValue,
  mayDo,
  PlansReadQueries,
  rolesFor,
  type OnAction,
} from '@due-regard/plans';
import { ukDate } from '../../rendering/uk-dates.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionName, characteristicLabel, dueKindLabel, labelledRagTag, statusTag } from '../shared/action-words.js';
import { pagePaths, PlanPages } from '../shared/plan-pages.js';

/** An action of a plan: what it is, when it is due, how it is doing, and its dated progress, newest first. */
@WebController()
export class ActionPageController {
  constructor(
    private readonly pages: PlanPages,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('plans/:planId/actions/:actionId')
  @CouncilAccess(...rolesFor('readPlans'))
  async show(
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const action = await this.pages.action(planId, actionId);
    const plan = await this.queries.plan(planId);
    const objective = plan?.objectives.find((candidate) => candidate.id === action.objectiveId);
    // Links only to the forms the plans policy lets this person use on the action as it stands.
    const person = this.pages.person();
    const onAction: OnAction = {
      planStatus: plan?.status ?? (await this.pages.plan(planId)).plan.status,
      actionStatus: action.status,
      leads: action.leads,
    };
    const actionPath = pagePaths.action(planId, actionId);
    const mayDefineMeasure = mayDo(person, 'defineMeasure');
    const measures = await this.queries.measuresOf(actionId);
    await this.renderer.render(request, response, 'plans/action.njk', {
      pageTitle: actionName(action),
      planTitle: plan?.title ?? 'Action plan',
      planHref: pagePaths.plan(planId),
      planStatus: onAction.planStatus,
      action: {
        ref: action.ref,
        title: action.title,
        description: action.description,
        objective: objective === undefined ? null : [objective.ref, objective.title].filter(Boolean).join(' '),
        dueAsWritten: action.due.text,
        dueKind: dueKindLabel(action.due.kind),
        dueRendered: action.due.rendered,
        dueDates: action.due.dates.map(ukDate),
        dueRange:
          action.due.range === null ? null : `${ukDate(action.due.range.from)} to ${ukDate(action.due.range.to)}`,
        leads: action.leads,
        successMeasures: action.successMeasures,
        characteristics: action.protectedCharacteristics.map(characteristicLabel),
        statusTag: statusTag(action.status),
        statusReason: action.statusReason,
        ragTag: labelledRagTag(action.rag),
        updatedOn: ukDate(action.updatedAt.slice(0, 10)),
      },
      progress: [...action.progress].reverse().map((entry) => ({
        date: ukDate(entry.asOf),
        statusTag: statusTag(entry.status),
        ragTag: labelledRagTag(entry.rag),
        narrative: entry.narrative,
      })),
      // Each measure's RAG, from its readings, is shown beside the lead's own.
      measures: measures.map((measure) => ({
        title: measure.title,
        href: `/measures/${measure.id}`,
        target: describeTarget(measure.target, measure.unit, measure.direction),
        latest:
          measure.latestReading === null
            ? 'No readings yet'
            : `${formatMeasureValue(measure.latestReading.value, measure.unit)} on ${ukDate(measure.latestReading.asOf)}`,
        ragTag: labelledRagTag(measure.rag),
      })),
      // A success measure in words can be turned into a measure, pre-filled from the sentence.
      turnIntoMeasure: mayDefineMeasure
        ? action.successMeasures.map((sentence, index) => ({ sentence, href: `${actionPath}/measures?from=${index}` }))
        : [],
      defineMeasure: mayDefineMeasure ? `${actionPath}/measures` : null,
      dueRevisions: [...action.dueRevisions].reverse().map((revision) => ({
        from: revision.previous.text ?? revision.previous.rendered,
        to: revision.due.text ?? revision.due.rendered,
        reason: revision.reason,
      })),
      links: {
        recordProgress: mayDo(person, 'recordProgress', onAction) ? `${actionPath}/progress` : null,
        reviseDue: mayDo(person, 'reviseDue', onAction) ? `${actionPath}/due` : null,
        edit: mayDo(person, 'reviseAction', onAction) ? `${actionPath}/edit` : null,
        history: `${actionPath}/history`,
      },
    });
  }
}
