import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { strategyDecider } from '../../domain/strategy.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { RetireObjectiveCommand } from './retire-objective.command.js';

@CommandHandler(RetireObjectiveCommand)
export class RetireObjectiveHandler implements ICommandHandler<RetireObjectiveCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ strategyId, objectiveId, reason, ifMatch }: RetireObjectiveCommand): Promise<CommandResult> {
    return this.writer.run(async (session) => {
      const version = await this.writer.change(
        session,
        this.writer.strategyStream(strategyId),
        strategyDecider,
        ifMatch,
        (state) => strategyDecider.decide({ type: 'RetireObjective', strategyId, objectiveId, reason }, state),
      );
      return { id: strategyId, version };
    });
  }
}
