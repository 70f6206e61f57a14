import { Command } from '@nestjs/cqrs';
import type { AwardView } from '../get-accreditations/get-accreditations.view.js';

/** What recording an award answers: the award as recorded, with its expiry, and the journey's version. */
export interface AwardRecorded {
  readonly scheme: string;
  readonly award: AwardView;
  readonly version: number;
}

/** Records an award made to the council on a scheme (starting the journey if it had not). */
export class RecordAwardCommand extends Command<AwardRecorded> {
  constructor(
    readonly scheme: string,
    readonly level: number,
    readonly awardedOn: string,
    readonly expiresOn: string | undefined,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
