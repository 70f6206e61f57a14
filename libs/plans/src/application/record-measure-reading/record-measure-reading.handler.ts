import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@due-regard/shared-kernel';
import { actionDecider } from '../../domain/action.js';
import { measureDecider } from '../../domain/measure.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { planStreams } from '../shared/streams.js';
import { ActionReportingPolicy } from '../shared/teams.js';
import { RecordMeasureReadingCommand } from './record-measure-reading.command.js';

@CommandHandler(RecordMeasureReadingCommand)
export class RecordMeasureReadingHandler implements ICommandHandler<RecordMeasureReadingCommand, CommandResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly policy: ActionReportingPolicy,
  ) {}

  execute({ measureId, reading, ifMatch }: RecordMeasureReadingCommand): Promise<CommandResult> {
    return this.writer.run(async (session) => {
      const stream = planStreams.measure(this.writer.councilSlug(), measureId);
      const version = await this.writer.change(session, stream, measureDecider, ifMatch, async (state) => {
        if (state.status === 'none') throw new NotFound(`There is no measure ${measureId}`);
        // An action lead records readings of their teams' actions' measures; an objective has no leads.
        const action =
          state.subject.kind === 'action'
            ? (await session.load(this.writer.actionStream(state.subject.actionId), actionDecider)).state
            : null;
        this.policy.assertPermitted('recordMeasureReading', {
          leads: action === null || action.status === 'none' ? [] : action.leads,
        });
        return measureDecider.decide(
          { type: 'RecordMeasureReading', measureId, value: reading.value, asOf: reading.on, note: reading.note },
          state,
        );
      });
      return { id: measureId, version };
    });
  }
}
