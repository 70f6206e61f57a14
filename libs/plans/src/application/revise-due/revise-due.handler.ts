import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider } from '../../domain/action.js';
import { parseDue } from '../../domain/due.js';
import type { ActionChangedResult } from '../revise-action/revise-action.command.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { ActionReportingPolicy } from '../shared/teams.js';
import { ReviseDueCommand } from './revise-due.command.js';

@CommandHandler(ReviseDueCommand)
export class ReviseDueHandler implements ICommandHandler<ReviseDueCommand, ActionChangedResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly policy: ActionReportingPolicy,
  ) {}

  async execute({ planId, actionId, due, reason, ifMatch }: ReviseDueCommand): Promise<ActionChangedResult> {
    const plan = await this.writer.plan(planId);
    const written = await this.writer.change(this.writer.actionStream(actionId), actionDecider, ifMatch, (state) => {
      const action = this.writer.assertActionOfPlan(state, planId, actionId);
      this.policy.assertMayReportOn(action);
      return actionDecider.decide(
        { type: 'ReviseDue', actionId, planStatus: plan.state.status, due: parseDue(due), reason },
        state,
      );
    });
    return { id: actionId, planId, version: written.version, position: written.position };
  }
}
