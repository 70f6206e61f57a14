import { Query } from '@nestjs/cqrs';
import type { PlanReturn } from './get-plan-return.view.js';

/** The plan's return to draft that still stands: the latest one, unless the plan was submitted again since. */
export class GetPlanReturnQuery extends Query<PlanReturn | null> {
  constructor(readonly planId: string) {
    super();
  }
}
