import { Command } from '@nestjs/cqrs';
import type { Period } from '../../domain/period.js';
import type { CommandResult } from '../shared/command-result.js';

/** A new equality strategy, in draft, for the council of the request. */
export class DraftStrategyCommand extends Command<CommandResult> {
  constructor(
    readonly title: string,
    readonly period: Period,
  ) {
    super();
  }
}
