import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { strategyDecider, type StrategyCommand } from '../../domain/strategy.js';
import type { CommandResult } from '../shared/command-result.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { StrategyLifecycleCommand } from './strategy-lifecycle.command.js';

@CommandHandler(StrategyLifecycleCommand)
export class StrategyLifecycleHandler implements ICommandHandler<StrategyLifecycleCommand, CommandResult> {
  constructor(private readonly writer: PlanWriter) {}

  execute({ strategyId, transition, ifMatch }: StrategyLifecycleCommand): Promise<CommandResult> {
    const on = transition.on ?? this.writer.today();
    const command: StrategyCommand =
      transition.kind === 'adopt'
        ? { type: 'AdoptStrategy', strategyId, adoptedOn: on }
        : transition.kind === 'publish'
          ? { type: 'PublishStrategy', strategyId, publishedOn: on }
          : { type: 'ArchiveStrategy', strategyId, archivedOn: on, reason: transition.reason };
    return this.writer.changeStrategy(strategyId, ifMatch, (state) => strategyDecider.decide(command, state));
  }
}
