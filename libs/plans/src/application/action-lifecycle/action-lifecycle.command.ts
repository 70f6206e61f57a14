import { Command } from '@nestjs/cqrs';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ActionChangedResult } from '../shared/command-result.js';

/** Complete, defer or cancel an action; dates default to today. */
export type ActionTransition =
  | { readonly kind: 'complete'; readonly on: CalendarDate | undefined; readonly narrative: string | null }
  | { readonly kind: 'defer'; readonly on: CalendarDate | undefined; readonly reason: string }
  | { readonly kind: 'cancel'; readonly on: CalendarDate | undefined; readonly reason: string };

export class ActionLifecycleCommand extends Command<ActionChangedResult> {
  constructor(
    readonly planId: string,
    readonly actionId: string,
    readonly transition: ActionTransition,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
