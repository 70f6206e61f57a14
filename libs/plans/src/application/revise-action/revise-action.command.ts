import { Command } from '@nestjs/cqrs';
import type { ActionChangedResult } from '../shared/command-result.js';

/** What a client may change of an action in one PATCH; what it leaves out stays as it is. */
export interface ActionChanges {
  readonly title?: string;
  readonly description?: string | null;
  readonly successMeasures?: readonly string[];
  readonly leads?: readonly string[];
  readonly objectiveId?: string;
  readonly protectedCharacteristics?: readonly string[];
}

/** Rewords, reassigns, moves an action (and changes what it concerns), all at once or not at all. */
export class ReviseActionCommand extends Command<ActionChangedResult> {
  constructor(
    readonly planId: string,
    readonly actionId: string,
    readonly changes: ActionChanges,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
