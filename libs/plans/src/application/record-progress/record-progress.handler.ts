import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider } from '../../domain/action.js';
import type { ActionChangedResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { ActionReportingPolicy } from '../shared/teams.js';
import { RecordProgressCommand } from './record-progress.command.js';

@CommandHandler(RecordProgressCommand)
export class RecordProgressHandler implements ICommandHandler<RecordProgressCommand, ActionChangedResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly policy: ActionReportingPolicy,
  ) {}

  execute({ planId, actionId, report, ifMatch }: RecordProgressCommand): Promise<ActionChangedResult> {
    const today = this.writer.today();
    return this.writer.changeAction(planId, actionId, ifMatch, (action, plan) => {
      this.policy.assertPermitted('recordProgress', action);
      return actionDecider.decide(
        {
          type: 'RecordProgress',
          actionId,
          planStatus: plan.status,
          status: report.status,
          rag: report.rag ?? action.rag,
          narrative: report.narrative,
          asOf: report.asOf ?? today,
        },
        action,
      );
    });
  }
}
