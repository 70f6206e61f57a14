import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CouncilAccess } from '@due-regard/identity';
import { GetPlanAsOfQuery, type PlanAsOf } from '@due-regard/plans';
import { ZodValidationPipe } from '@due-regard/platform';
import { NotFound } from '@due-regard/shared-kernel';
import { rolesFor } from '../../policy/audit.policy.js';
import { comparePlanQuery, planIdParam, type ComparePlanQuery } from './compare-plan.body.js';
import type { PlanComparison } from './compare-plan.view.js';
import { comparePlans } from './plan-comparison.js';

@ApiTags('Audit')
@Controller('api/v1/plans')
export class ComparePlanHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':planId/compare')
  @CouncilAccess(...rolesFor('comparePlan'))
  @ApiOkResponse({
    description:
      "The plan at `to` set against the plan at `from`, both rebuilt from events: actions added, removed and changed (field by field), and the plan's own changes. 404 when the plan did not exist at `to`. Roles: auditor, council-admin, plan-editor.",
  })
  async compare(
    @Param('planId', new ZodValidationPipe(planIdParam)) planId: string,
    @Query(new ZodValidationPipe(comparePlanQuery)) query: ComparePlanQuery,
  ): Promise<PlanComparison> {
    const after = await this.queries.execute(new GetPlanAsOfQuery(planId, new Date(query.to)));
    let before: PlanAsOf | null;
    try {
      before = await this.queries.execute(new GetPlanAsOfQuery(planId, new Date(query.from)));
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      before = null;
    }
    return comparePlans(planId, query.from, query.to, before, after);
  }
}
