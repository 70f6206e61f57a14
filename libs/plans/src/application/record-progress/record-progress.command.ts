import { Command } from '@nestjs/cqrs';
import type { ActionStatus } from '../../domain/action.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Rag } from '../../domain/rag.js';
import type { ActionChangedResult } from '../shared/command-result.js';

export interface ProgressReport {
  readonly status: ActionStatus;
  /** Left out: the action keeps its current rating. */
  readonly rag: Rag | undefined;
  readonly narrative: string;
  /** Left out: today. */
  readonly asOf: CalendarDate | undefined;
}

/** "Progress to date": status, RAG and the lead's narrative, as of a date. */
export class RecordProgressCommand extends Command<ActionChangedResult> {
  constructor(
    readonly planId: string,
    readonly actionId: string,
    readonly report: ProgressReport,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
