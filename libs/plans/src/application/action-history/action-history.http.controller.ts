import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { rolesFor } from '../../policy/plans.policy.js';
import { idParam, setVersionHeaders } from '../shared/http.js';
import { DocumentRead } from '../shared/openapi.js';
import { actionHistorySchema, type ActionHistory } from './action-history.view.js';
import { GetActionHistoryQuery } from './action-history.query.js';

@ApiTags('Actions')
@Controller('api/v1/plans')
export class ActionHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':planId/actions/:actionId/history')
  @CouncilAccess(...rolesFor('readHistory'))
  @DocumentRead({
    path: ':planId/actions/:actionId/history',
    summary: "An action's history: every change, when, by whom, and what it changed",
    description:
      'Oldest first. `time` is when the change was recorded: pass it as `asOf` to read the action as it stood then. Actors are pseudonymous ids. Every role in the council may read.',
    result: actionHistorySchema,
  })
  async history(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionHistory> {
    const history = await this.queryBus.execute(new GetActionHistoryQuery(planId, actionId));
    setVersionHeaders(response, history.version);
    return history;
  }
}
