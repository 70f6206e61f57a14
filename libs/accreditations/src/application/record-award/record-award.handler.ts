import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { JourneyCommand } from '../../domain/accreditation.js';
import { awardView } from '../get-accreditations/accreditation-view.js';
import { Journeys } from '../shared/journeys.js';
import { RecordAwardCommand, type AwardRecorded } from './record-award.command.js';

@CommandHandler(RecordAwardCommand)
export class RecordAwardHandler implements ICommandHandler<RecordAwardCommand, AwardRecorded> {
  constructor(private readonly journeys: Journeys) {}

  async execute({ scheme: key, level, awardedOn, expiresOn, ifMatch }: RecordAwardCommand): Promise<AwardRecorded> {
    const today = this.journeys.today();
    const change = await this.journeys.change(key, ifMatch, (state, scheme) => {
      const award: JourneyCommand = { type: 'RecordAward', scheme, level, awardedOn, expiresOn, today };
      // An award to a council that never recorded the scheme starts its journey there and then.
      return state.status === 'none' ? [{ type: 'StartJourney', scheme }, award] : [award];
    });
    const journey = change.state;
    const recorded = journey.status === 'none' ? undefined : journey.awards.at(-1);
    if (journey.status === 'none' || recorded === undefined) throw new Error('An award was decided but none is held');
    return { scheme: key, award: awardView(recorded, journey, today), version: change.version };
  }
}
