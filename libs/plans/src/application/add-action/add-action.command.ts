import { Command } from '@nestjs/cqrs';
import type { ActionAddedResult } from './add-action.view.js';
import { type QuarterConvention } from '@due-regard/shared-kernel';

export interface NewAction {
  readonly ref: string | null;
  readonly objectiveId: string;
  readonly title: string;
  readonly description: string | null;
  /** As the council wrote it; parsed into a schedule here. */
  readonly due: string;
  readonly leads: readonly string[];
  readonly successMeasures: readonly string[];
  readonly protectedCharacteristics: readonly string[];
  /**
   * How to read a bare quarter in `due`; the council's setting when left out. An import passes the
   * convention its preview was read with, so the action records what the preview showed.
   */
  readonly quarterConvention?: QuarterConvention;
}

/**
 * Adds an action to a plan: the plan's stream reserves its reference (`RegisterAction`, so two
 * people adding "1.3" at once cannot both succeed), then the action's own stream records it.
 * If-Match, when sent, is the plan's version.
 */
export class AddActionCommand extends Command<ActionAddedResult> {
  constructor(
    readonly planId: string,
    readonly action: NewAction,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
