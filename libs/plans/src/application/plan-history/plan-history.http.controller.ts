import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { rolesFor } from '../../policy/plans.policy.js';
import { idParam, setVersionHeaders } from '../shared/http.js';
import { DocumentRead } from '../shared/openapi.js';
import { planHistorySchema, type PlanHistory } from './plan-history.view.js';
import { GetPlanHistoryQuery } from './plan-history.query.js';

@ApiTags('Action plans')
@Controller('api/v1/plans')
export class PlanHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':planId/history')
  @CouncilAccess(...rolesFor('readHistory'))
  @DocumentRead({
    path: ':planId/history',
    summary:
      "A plan's history: drafted, submitted, returned (and why), approved, published, closed, and each action added",
    description:
      "Oldest first. `time` is when the change was recorded: pass it as `asOf` to read the plan as it stood then. Each action's own changes are in its history. Actors are pseudonymous ids. Every role in the council may read.",
    result: planHistorySchema,
  })
  async history(
    @Param('planId', idParam) planId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanHistory> {
    const history = await this.queryBus.execute(new GetPlanHistoryQuery(planId));
    setVersionHeaders(response, history.version);
    return history;
  }
}
