import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { strategyDecider } from '../../domain/strategy.js';
import { PlanWriter, type CommandResult } from '../shared/plan-writer.js';
import { RetireObjectiveCommand } from './retire-objective.command.js';

@CommandHandler(RetireObjectiveCommand)
export class RetireObjectiveHandler implements ICommandHandler<RetireObjectiveCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ strategyId, objectiveId, reason, ifMatch }: RetireObjectiveCommand): Promise<CommandResult> {
    const written = await this.writer.change(
      this.writer.strategyStream(strategyId),
      strategyDecider,
      ifMatch,
      (state) => strategyDecider.decide({ type: 'RetireObjective', strategyId, objectiveId, reason }, state),
    );
    return { id: strategyId, version: written.version, position: written.position };
  }
}
