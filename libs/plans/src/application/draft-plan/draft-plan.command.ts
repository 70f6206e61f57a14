import { Command } from '@nestjs/cqrs';
import type { Period } from '../../domain/period.js';
import type { CommandResult } from '../shared/command-result.js';

export interface PlanDraftedResult extends CommandResult {
  readonly strategyId: string;
}

/** A new action plan, in draft, under one of the council's strategies. */
export class DraftPlanCommand extends Command<PlanDraftedResult> {
  constructor(
    readonly strategyId: string,
    readonly title: string,
    readonly period: Period,
  ) {
    super();
  }
}
