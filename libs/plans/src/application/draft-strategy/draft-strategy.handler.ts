import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { strategyDecider } from '../../domain/strategy.js';
import { PlanWriter, type CommandResult } from '../shared/plan-writer.js';
import { DraftStrategyCommand } from './draft-strategy.command.js';

@CommandHandler(DraftStrategyCommand)
export class DraftStrategyHandler implements ICommandHandler<DraftStrategyCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ title, period }: DraftStrategyCommand): Promise<CommandResult> {
    const strategyId = this.writer.newId();
    const written = await this.writer.change(
      this.writer.strategyStream(strategyId),
      strategyDecider,
      undefined,
      (state) => strategyDecider.decide({ type: 'DraftStrategy', strategyId, title, period }, state),
    );
    return { id: strategyId, version: written.version, position: written.position };
  }
}
