import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideAll } from '@due-regard/shared-kernel';
import { actionDecider, type ActionCommand } from '../../domain/action.js';
import { PlanWriter } from '../shared/plan-writer.js';
import type { ActionChangedResult } from '../shared/command-result.js';
import { ReviseActionCommand } from './revise-action.command.js';

@CommandHandler(ReviseActionCommand)
export class ReviseActionHandler implements ICommandHandler<ReviseActionCommand, ActionChangedResult> {
  constructor(private readonly writer: PlanWriter) {}

  execute({ planId, actionId, changes, ifMatch }: ReviseActionCommand): Promise<ActionChangedResult> {
    return this.writer.changeAction(planId, actionId, ifMatch, async (action, plan, session) => {
      const onAction = { actionId, planStatus: plan.status };
      const commands: ActionCommand[] = [];
      if (changes.title !== undefined || changes.description !== undefined || changes.successMeasures !== undefined) {
        commands.push({
          type: 'RewordAction',
          ...onAction,
          title: changes.title ?? action.title,
          description: changes.description === undefined ? action.description : changes.description,
          successMeasures: changes.successMeasures ?? action.successMeasures,
        });
      }
      if (changes.protectedCharacteristics !== undefined) {
        commands.push({
          type: 'ChangeCharacteristicsConcerned',
          ...onAction,
          protectedCharacteristics: changes.protectedCharacteristics,
        });
      }
      if (changes.objectiveId !== undefined) {
        commands.push({
          type: 'MoveAction',
          ...onAction,
          objectiveId: changes.objectiveId,
          activeObjectiveIds: await this.writer.activeObjectiveIds(session, plan.strategyId),
        });
      }
      if (changes.leads !== undefined) {
        commands.push({ type: 'ReassignLeads', ...onAction, leads: changes.leads });
      }
      return decideAll(actionDecider, action, commands);
    });
  }
}
