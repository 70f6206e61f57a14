import { Command } from '@nestjs/cqrs';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { MeasureValue } from '../../domain/measure.js';
import type { CommandResult } from '../shared/command-result.js';

/** A reading of a measure on a date; who recorded it is the event's actor. */
export class RecordMeasureReadingCommand extends Command<CommandResult> {
  constructor(
    readonly measureId: string,
    readonly reading: { readonly value: MeasureValue; readonly on: CalendarDate; readonly note: string | null },
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
