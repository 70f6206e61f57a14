import { Command } from '@nestjs/cqrs';
import type { AppendResult } from '@due-regard/event-store';
import type { CouncilDetails, CouncilSettings } from '../domain/council.js';

export class RegisterCouncilCommand extends Command<AppendResult> {
  constructor(
    readonly council: CouncilDetails,
    /** Settings chosen at registration; the defaults (calendar quarters) when left out. */
    readonly settings?: Partial<CouncilSettings>,
  ) {
    super();
  }
}
