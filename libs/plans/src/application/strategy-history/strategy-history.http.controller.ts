import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { rolesFor } from '../../policy/plans.policy.js';
import { idParam, setVersionHeaders } from '../shared/http.js';
import { DocumentRead } from '../shared/openapi.js';
import { strategyHistorySchema, type StrategyHistory } from './strategy-history.view.js';
import { GetStrategyHistoryQuery } from './strategy-history.query.js';

@ApiTags('Strategies')
@Controller('api/v1/strategies')
export class StrategyHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':strategyId/history')
  @CouncilAccess(...rolesFor('readHistory'))
  @DocumentRead({
    path: ':strategyId/history',
    summary:
      "A strategy's history: drafted, adopted, published, archived, and each objective added, reworded, reclassified or retired",
    description:
      'Oldest first; `objectiveId` names the objective a change is about. Actors are pseudonymous ids. Every role in the council may read.',
    result: strategyHistorySchema,
  })
  async history(
    @Param('strategyId', idParam) strategyId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StrategyHistory> {
    const history = await this.queryBus.execute(new GetStrategyHistoryQuery(strategyId));
    setVersionHeaders(response, history.version);
    return history;
  }
}
