import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { strategyDecider } from '../../domain/strategy.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { AddObjectiveCommand } from './add-objective.command.js';
import type { ObjectiveAddedResult } from './add-objective.view.js';

@CommandHandler(AddObjectiveCommand)
export class AddObjectiveHandler implements ICommandHandler<AddObjectiveCommand, ObjectiveAddedResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ strategyId, objective, ifMatch }: AddObjectiveCommand): Promise<ObjectiveAddedResult> {
    const objectiveId = this.writer.newId();
    return this.writer.run(async (session) => {
      const version = await this.writer.change(
        session,
        this.writer.strategyStream(strategyId),
        strategyDecider,
        ifMatch,
        (state) => strategyDecider.decide({ type: 'AddObjective', strategyId, objectiveId, ...objective }, state),
      );
      return { id: objectiveId, strategyId, version };
    });
  }
}
