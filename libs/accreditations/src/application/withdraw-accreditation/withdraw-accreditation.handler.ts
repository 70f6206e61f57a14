import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Journeys, type JourneyChange } from '../shared/journeys.js';
import { WithdrawAccreditationCommand } from './withdraw-accreditation.command.js';

@CommandHandler(WithdrawAccreditationCommand)
export class WithdrawAccreditationHandler implements ICommandHandler<WithdrawAccreditationCommand, JourneyChange> {
  constructor(private readonly journeys: Journeys) {}

  async execute({ scheme: key, withdrawnOn, reason, ifMatch }: WithdrawAccreditationCommand): Promise<JourneyChange> {
    const today = this.journeys.today();
    const { position: _position, ...change } = await this.journeys.change(key, ifMatch, (_state, scheme) => [
      { type: 'WithdrawAccreditation', scheme, withdrawnOn: withdrawnOn ?? today, reason },
    ]);
    return change;
  }
}
