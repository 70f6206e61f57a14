import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider, type ActionCommand } from '../../domain/action.js';
import type { ActionPlanStatus } from '../../domain/action-plan.js';
import type { ActionCapability } from '../../policy/plans.policy.js';
import type { ActionChangedResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { ActionReportingPolicy } from '../shared/teams.js';
import { ActionLifecycleCommand, type ActionTransition } from './action-lifecycle.command.js';

function commandFor(
  actionId: string,
  planStatus: ActionPlanStatus,
  transition: ActionTransition,
  today: string,
): ActionCommand {
  const on = transition.on ?? today;
  switch (transition.kind) {
    case 'complete':
      return { type: 'CompleteAction', actionId, planStatus, completedOn: on, narrative: transition.narrative };
    case 'defer':
      return { type: 'DeferAction', actionId, planStatus, deferredOn: on, reason: transition.reason };
    case 'cancel':
      return { type: 'CancelAction', actionId, planStatus, cancelledOn: on, reason: transition.reason };
  }
}

/** Completing and deferring are for its leads too; cancelling, for editors only (the plans policy). */
const CAPABILITIES: Readonly<Record<ActionTransition['kind'], ActionCapability>> = {
  complete: 'completeAction',
  defer: 'deferAction',
  cancel: 'cancelAction',
};

@CommandHandler(ActionLifecycleCommand)
export class ActionLifecycleHandler implements ICommandHandler<ActionLifecycleCommand, ActionChangedResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly policy: ActionReportingPolicy,
  ) {}

  execute({ planId, actionId, transition, ifMatch }: ActionLifecycleCommand): Promise<ActionChangedResult> {
    const today = this.writer.today();
    return this.writer.changeAction(planId, actionId, ifMatch, (action, plan) => {
      this.policy.assertPermitted(CAPABILITIES[transition.kind], action);
      return actionDecider.decide(commandFor(actionId, plan.status, transition, today), action);
    });
  }
}
