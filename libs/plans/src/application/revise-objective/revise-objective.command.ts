import { Command } from '@nestjs/cqrs';
import type { ObjectiveGroupKind } from '../../domain/strategy.js';
import type { CommandResult } from '../shared/command-result.js';

/** What a client may change of an objective; what it leaves out stays as it is. */
export interface ObjectiveChanges {
  readonly ref?: string | null;
  readonly title?: string;
  readonly description?: string | null;
  readonly psedAims?: readonly string[];
  readonly eflgModules?: readonly string[];
  readonly group?: { readonly kind: ObjectiveGroupKind; readonly title: string } | null;
}

/** Rewords and/or reclassifies an objective, in one change. */
export class ReviseObjectiveCommand extends Command<CommandResult> {
  constructor(
    readonly strategyId: string,
    readonly objectiveId: string,
    readonly changes: ObjectiveChanges,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
