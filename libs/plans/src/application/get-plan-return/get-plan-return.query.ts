import { Query } from '@nestjs/cqrs';

/** An approver's return of a submitted plan to draft: why, who, and when it was recorded (ISO 8601). */
export interface PlanReturn {
  readonly reason: string;
  readonly actorId: string;
  readonly time: string;
}

/** The plan's return to draft that still stands: the latest one, unless the plan was submitted again since. */
export class GetPlanReturnQuery extends Query<PlanReturn | null> {
  constructor(readonly planId: string) {
    super();
  }
}
