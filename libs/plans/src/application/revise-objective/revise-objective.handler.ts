import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideAll, NotFound } from '@due-regard/shared-kernel';
import { strategyDecider, type StrategyCommand } from '../../domain/strategy.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { ReviseObjectiveCommand } from './revise-objective.command.js';

@CommandHandler(ReviseObjectiveCommand)
export class ReviseObjectiveHandler implements ICommandHandler<ReviseObjectiveCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  execute({ strategyId, objectiveId, changes, ifMatch }: ReviseObjectiveCommand): Promise<CommandResult> {
    return this.writer.changeStrategy(strategyId, ifMatch, (state) => {
      const objective =
        state.status === 'none'
          ? undefined
          : state.objectives.find((candidate) => candidate.objectiveId === objectiveId);
      if (objective === undefined) throw new NotFound(`Strategy ${strategyId} has no objective ${objectiveId}`);
      const commands: StrategyCommand[] = [];
      if (changes.ref !== undefined || changes.title !== undefined || changes.description !== undefined) {
        commands.push({
          type: 'RewordObjective',
          strategyId,
          objectiveId,
          ref: changes.ref === undefined ? objective.ref : changes.ref,
          title: changes.title ?? objective.title,
          description: changes.description === undefined ? objective.description : changes.description,
        });
      }
      if (changes.psedAims !== undefined || changes.eflgModules !== undefined || changes.group !== undefined) {
        commands.push({
          type: 'ReclassifyObjective',
          strategyId,
          objectiveId,
          psedAims: changes.psedAims ?? objective.psedAims,
          eflgModules: changes.eflgModules ?? objective.eflgModules,
          group: changes.group === undefined ? objective.group : changes.group,
        });
      }
      return decideAll(strategyDecider, state, commands);
    });
  }
}
