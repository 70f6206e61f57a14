import { Query } from '@nestjs/cqrs';
import type { PlanHistory } from './plan-history.view.js';

/** Every event of a plan's own stream (its lifecycle and the actions it registered), each with a summary. */
export class GetPlanHistoryQuery extends Query<PlanHistory> {
  constructor(readonly planId: string) {
    super();
  }
}
