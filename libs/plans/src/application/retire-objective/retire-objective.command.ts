import { Command } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-result.js';

/** Retires an objective the council no longer pursues; its history stays. */
export class RetireObjectiveCommand extends Command<CommandResult> {
  constructor(
    readonly strategyId: string,
    readonly objectiveId: string,
    readonly reason: string | null,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
