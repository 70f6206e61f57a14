import { Command } from '@nestjs/cqrs';
import type { Period } from '../../domain/period.js';
import type { PlanDraftedResult } from './draft-plan.view.js';

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
