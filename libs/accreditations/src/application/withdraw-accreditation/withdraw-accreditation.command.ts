import { Command } from '@nestjs/cqrs';
import type { JourneyChange } from '../shared/journeys.js';

/** The council withdraws from a scheme: its award ends, and nothing more falls due. */
export class WithdrawAccreditationCommand extends Command<JourneyChange> {
  constructor(
    readonly scheme: string,
    readonly withdrawnOn: string | undefined,
    readonly reason: string,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
