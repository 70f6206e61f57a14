import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { strategyDecider } from '../../domain/strategy.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { RetireObjectiveCommand } from './retire-objective.command.js';

@CommandHandler(RetireObjectiveCommand)
export class RetireObjectiveHandler implements ICommandHandler<RetireObjectiveCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  execute({ strategyId, objectiveId, reason, ifMatch }: RetireObjectiveCommand): Promise<CommandResult> {
    return this.writer.changeStrategy(strategyId, ifMatch, (state) =>
      strategyDecider.decide({ type: 'RetireObjective', strategyId, objectiveId, reason }, state),
    );
  }
}
