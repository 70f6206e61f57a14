import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetPlanAsOfQuery } from '../../application/get-plan-as-of/get-plan-as-of.query.js';
import type { PlanAsOf } from '../../application/get-plan-as-of/get-plan-as-of.view.js';

/** `?asOf=`: the write side rebuilds the plan from its events (never from the read model). */
@Injectable()
export class PlanAsOfReader {
  constructor(private readonly queryBus: QueryBus) {}

  read(planId: string, asOf: Date): Promise<PlanAsOf> {
    return this.queryBus.execute(new GetPlanAsOfQuery(planId, asOf));
  }
}
