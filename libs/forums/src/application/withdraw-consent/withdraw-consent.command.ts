import { Command } from '@nestjs/cqrs';
import type { ConsentResult } from '../give-consent/give-consent.command.js';

/** The current council declines the forum's invitation, or withdraws its consent and leaves. */
export class WithdrawConsentCommand extends Command<ConsentResult> {
  constructor(readonly forum: string) {
    super();
  }
}
