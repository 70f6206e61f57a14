import { Command } from '@nestjs/cqrs';
import type { CouncilDetails, CouncilSettings } from '../domain/council.js';

/** The council's settings after a change (or as they were, when nothing changed) and its stream's version. */
export interface CouncilSettingsResult {
  readonly council: CouncilDetails;
  readonly settings: CouncilSettings;
  readonly version: number;
}

/** Changes the settings named of the council `slug`; `ifMatch` is the council stream's version (its ETag). */
export class ChangeCouncilSettingsCommand extends Command<CouncilSettingsResult> {
  constructor(
    readonly slug: string,
    readonly settings: Partial<CouncilSettings>,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
