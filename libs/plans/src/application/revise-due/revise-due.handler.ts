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
    return this.writer.changeAction(planId, actionId, ifMatch, (action, plan) => {
      this.policy.assertPermitted('reviseDue', action);
      return actionDecider.decide(
        { type: 'ReviseDue', actionId, planStatus: plan.status, due: parseDue(due, { quarterConvention }), reason },
        action,
      );
    });
  }
}
