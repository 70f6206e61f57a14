import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandSession } from '@due-regard/commands';
import { NotFound } from '@due-regard/shared-kernel';
import { actionDecider } from '../../domain/action.js';
import { measureDecider, type MeasureSubject } from '../../domain/measure.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { planStreams } from '../shared/streams.js';
import { DefineMeasureCommand, type MeasureSubjectRequest } from './define-measure.command.js';

@CommandHandler(DefineMeasureCommand)
export class DefineMeasureHandler implements ICommandHandler<DefineMeasureCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  execute({ measure }: DefineMeasureCommand): Promise<CommandResult> {
    const measureId = this.writer.newId();
    return this.writer.run(async (session) => {
      const subject = await this.subject(session, measure.subject);
      const stream = planStreams.measure(this.writer.councilSlug(), measureId);
      const defined = measureDecider.decide(
        {
          type: 'DefineMeasure',
          measureId,
          subject,
          title: measure.title,
          unit: measure.unit,
          direction: measure.direction,
          baseline: measure.baseline,
          target: measure.target,
        },
        measureDecider.initialState(),
      );
      return { id: measureId, version: session.record(stream, defined) };
    });
  }

  /** The action (with its plan) or the objective (in its strategy) the measure is on; 404 when there is none. */
  private async subject(session: CommandSession, request: MeasureSubjectRequest): Promise<MeasureSubject> {
    if ('actionId' in request) {
      const { state } = await session.load(this.writer.actionStream(request.actionId), actionDecider);
      if (state.status === 'none') throw new NotFound(`There is no action ${request.actionId}`);
      return { kind: 'action', planId: state.planId, actionId: request.actionId };
    }
    const strategy = await this.writer.strategy(session, request.strategyId);
    if (strategy?.state.objectives.some((objective) => objective.objectiveId === request.objectiveId) !== true) {
      throw new NotFound(`Strategy ${request.strategyId} has no objective ${request.objectiveId}`);
    }
    return { kind: 'objective', strategyId: request.strategyId, objectiveId: request.objectiveId };
  }
}
