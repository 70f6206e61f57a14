import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { strategyDecider } from '../../domain/strategy.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { DraftStrategyCommand } from './draft-strategy.command.js';

@CommandHandler(DraftStrategyCommand)
export class DraftStrategyHandler implements ICommandHandler<DraftStrategyCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ title, period }: DraftStrategyCommand): Promise<CommandResult> {
    const strategyId = this.writer.newId();
    return this.writer.run(async (session) => {
      const version = await this.writer.change(
        session,
        this.writer.strategyStream(strategyId),
        strategyDecider,
        undefined,
        (state) => strategyDecider.decide({ type: 'DraftStrategy', strategyId, title, period }, state),
      );
      return { id: strategyId, version };
    });
  }
}
