import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider } from '../../domain/action.js';
import type { ActionChangedResult } from '../revise-action/revise-action.command.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { ActionReportingPolicy } from '../shared/teams.js';
import { RecordProgressCommand } from './record-progress.command.js';

@CommandHandler(RecordProgressCommand)
export class RecordProgressHandler implements ICommandHandler<RecordProgressCommand, ActionChangedResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly policy: ActionReportingPolicy,
  ) {}

  async execute({ planId, actionId, report, ifMatch }: RecordProgressCommand): Promise<ActionChangedResult> {
    const plan = await this.writer.plan(planId);
    const today = this.writer.today();
    const written = await this.writer.change(this.writer.actionStream(actionId), actionDecider, ifMatch, (state) => {
      const action = this.writer.assertActionOfPlan(state, planId, actionId);
      this.policy.assertMayReportOn(action);
      return actionDecider.decide(
        {
          type: 'RecordProgress',
          actionId,
          planStatus: plan.state.status,
          status: report.status,
          rag: report.rag ?? action.rag,
          narrative: report.narrative,
          asOf: report.asOf ?? today,
        },
        state,
      );
    });
    return { id: actionId, planId, version: written.version, position: written.position };
  }
}
