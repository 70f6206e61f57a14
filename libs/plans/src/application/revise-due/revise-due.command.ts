import { Command } from '@nestjs/cqrs';
import type { ActionChangedResult } from '../shared/command-result.js';
import { type QuarterConvention } from '@due-regard/shared-kernel';

/** "Date revised to May 2018": a new due, as written, and why; the old one stays in the record. */
export class ReviseDueCommand extends Command<ActionChangedResult> {
  constructor(
    readonly planId: string,
    readonly actionId: string,
    readonly due: string,
    readonly reason: string,
    readonly ifMatch: number | undefined,
    /** How to read a bare quarter in `due`; the council's setting when left out (an import passes its preview's). */
    readonly quarterConvention?: QuarterConvention,
  ) {
    super();
  }
}
