import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionPlanDecider, type ActionPlanCommand } from '../../domain/action-plan.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { PlanLifecycleCommand, type PlanTransition } from './plan-lifecycle.command.js';

function commandFor(planId: string, transition: PlanTransition, today: string): ActionPlanCommand {
  switch (transition.kind) {
    case 'submit':
      return { type: 'SubmitActionPlan', planId };
    case 'return':
      return { type: 'ReturnActionPlan', planId, reason: transition.reason };
    case 'approve':
      return { type: 'ApproveActionPlan', planId, approvedOn: transition.on ?? today };
    case 'publish':
      return { type: 'PublishActionPlan', planId, publishedOn: transition.on ?? today };
    case 'close':
      return { type: 'CloseActionPlan', planId, closedOn: transition.on ?? today, reason: transition.reason };
    case 'discard':
      return { type: 'DiscardActionPlan', planId, reason: transition.reason };
  }
}

@CommandHandler(PlanLifecycleCommand)
export class PlanLifecycleHandler implements ICommandHandler<PlanLifecycleCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ planId, transition, ifMatch }: PlanLifecycleCommand): Promise<CommandResult> {
    const command = commandFor(planId, transition, this.writer.today());
    return this.writer.run(async (session) => {
      const version = await this.writer.change(
        session,
        this.writer.planStream(planId),
        actionPlanDecider,
        ifMatch,
        (state) => actionPlanDecider.decide(command, state),
      );
      return { id: planId, version };
    });
  }
}
