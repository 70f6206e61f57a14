import { Command } from '@nestjs/cqrs';
import type { ObjectiveClassificationRequest, ObjectiveWording } from '../../domain/strategy.js';
import type { ObjectiveAddedResult } from './add-objective.view.js';

/** A new objective of a strategy ("PEO 1 To assess, consult and evaluate…"). */
export class AddObjectiveCommand extends Command<ObjectiveAddedResult> {
  constructor(
    readonly strategyId: string,
    readonly objective: ObjectiveWording & ObjectiveClassificationRequest,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
