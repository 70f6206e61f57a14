import { Query } from '@nestjs/cqrs';
import type { PlanAsOf } from './get-plan-as-of.view.js';

/**
 * A plan of the request's council as it stood at `asOf`: the plan's state and each of its actions'
 * states, rebuilt from their events recorded up to then (never from a read model). The answer is
 * plain JSON (`PlanAsOf`). NotFound when the plan did not exist at `asOf`.
 *
 * `GET /api/v1/plans/{planId}?asOf=` dispatches it: `queryBus.execute(new GetPlanAsOfQuery(planId, asOf))`.
 */
export class GetPlanAsOfQuery extends Query<PlanAsOf> {
  constructor(
    readonly planId: string,
    readonly asOf: Date,
  ) {
    super();
  }
}
