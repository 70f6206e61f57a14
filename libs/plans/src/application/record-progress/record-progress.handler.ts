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

  async execute({ planId, actionId, report, ifMatch }: RecordProgressCommand): Promise<ActionChangedResult> {
    const today = this.writer.today();
    return this.writer.run(async (session) => {
      const plan = await this.writer.plan(session, planId);
      const version = await this.writer.change(
        session,
        this.writer.actionStream(actionId),
        actionDecider,
        ifMatch,
        (state) => {
          const action = this.writer.assertActionOfPlan(state, planId, actionId);
          this.policy.assertPermitted('recordProgress', action);
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
        },
      );
      return { id: actionId, planId, version };
    });
  }
}
