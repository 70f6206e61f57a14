import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider } from '../../domain/action.js';
import { parseDue } from '../../domain/due.js';
import type { ActionChangedResult } from '../shared/command-result.js';
import { CouncilDueSettings } from '../shared/council-due-settings.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { ActionReportingPolicy } from '../shared/teams.js';
import { ReviseDueCommand } from './revise-due.command.js';

@CommandHandler(ReviseDueCommand)
export class ReviseDueHandler implements ICommandHandler<ReviseDueCommand, ActionChangedResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly policy: ActionReportingPolicy,
    private readonly settings: CouncilDueSettings,
  ) {}

  async execute(command: ReviseDueCommand): Promise<ActionChangedResult> {
    const { planId, actionId, due, reason, ifMatch } = command;
    const quarterConvention =
      command.quarterConvention ?? (await this.settings.quarterConvention(this.writer.councilSlug()));
    return this.writer.run(async (session) => {
      const plan = await this.writer.plan(session, planId);
      const version = await this.writer.change(
        session,
        this.writer.actionStream(actionId),
        actionDecider,
        ifMatch,
        (state) => {
          const action = this.writer.assertActionOfPlan(state, planId, actionId);
          this.policy.assertPermitted('reviseDue', action);
          return actionDecider.decide(
            {
              type: 'ReviseDue',
              actionId,
              planStatus: plan.state.status,
              due: parseDue(due, { quarterConvention }),
              reason,
            },
            state,
          );
        },
      );
      return { id: actionId, planId, version };
    });
  }
}
