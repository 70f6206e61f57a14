import { Command } from '@nestjs/cqrs';
import type { CouncilDetails, CouncilSettings } from '../domain/council.js';

/** The registered council's slug, its stream's version (its ETag) and where the change landed. */
export interface CouncilRegistration {
  readonly slug: string;
  readonly version: number;
  readonly position: string | null;
}

export class RegisterCouncilCommand extends Command<CouncilRegistration> {
  constructor(
    readonly council: CouncilDetails,
    /** Settings chosen at registration; the defaults (calendar quarters) when left out. */
    readonly settings?: Partial<CouncilSettings>,
  ) {
    super();
  }
}
