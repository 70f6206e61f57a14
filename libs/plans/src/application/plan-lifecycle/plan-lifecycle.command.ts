import { Command } from '@nestjs/cqrs';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { CommandResult } from '../shared/command-result.js';

/** A plan's way to publication and closure (or, for a draft made by mistake, discarding); dates default to today. */
export type PlanTransition =
  | { readonly kind: 'submit' }
  | { readonly kind: 'return'; readonly reason: string }
  | { readonly kind: 'approve'; readonly on: CalendarDate | undefined }
  | { readonly kind: 'publish'; readonly on: CalendarDate | undefined }
  | { readonly kind: 'close'; readonly on: CalendarDate | undefined; readonly reason: string | null }
  | { readonly kind: 'discard'; readonly reason: string | null };

export class PlanLifecycleCommand extends Command<CommandResult> {
  constructor(
    readonly planId: string,
    readonly transition: PlanTransition,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
