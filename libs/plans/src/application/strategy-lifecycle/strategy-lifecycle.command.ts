import { Command } from '@nestjs/cqrs';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { CommandResult } from '../shared/command-result.js';

/** Adopt (agreed by cabinet or council), publish, or archive a strategy; dates default to today. */
export type StrategyTransition =
  | { readonly kind: 'adopt'; readonly on: CalendarDate | undefined }
  | { readonly kind: 'publish'; readonly on: CalendarDate | undefined }
  | { readonly kind: 'archive'; readonly on: CalendarDate | undefined; readonly reason: string | null };

export class StrategyLifecycleCommand extends Command<CommandResult> {
  constructor(
    readonly strategyId: string,
    readonly transition: StrategyTransition,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
