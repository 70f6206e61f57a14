import { Command } from '@nestjs/cqrs';
import type { AppendResult } from '@due-regard/event-store';
import type { CouncilDetails } from '../domain/council.js';

export class RegisterCouncilCommand extends Command<AppendResult> {
  constructor(readonly council: CouncilDetails) {
    super();
  }
}
