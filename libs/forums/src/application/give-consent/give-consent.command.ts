import { Command } from '@nestjs/cqrs';
import type { ConsentScope } from '../../domain/consent.js';

/** Where the council stands with the forum after the command, and the consent stream's version. */
export interface ConsentResult {
  readonly forum: string;
  readonly council: string;
  readonly status: 'member' | 'declined' | 'left';
  readonly scope: ConsentScope | null;
  readonly version: number;
}

/** The current council accepts the forum's invitation with this scope, or changes the scope it shares. */
export class GiveConsentCommand extends Command<ConsentResult> {
  constructor(
    readonly forum: string,
    readonly scope: ConsentScope,
  ) {
    super();
  }
}
