import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { rolesFor } from '../../policy/plans.policy.js';
import { asOfQuery, idParam, setVersionHeaders } from '../shared/http.js';
import { DocumentRead } from '../shared/openapi.js';
import { actionDetailSchema, type ActionDetail } from './get-action.view.js';
import { GetActionQuery } from './get-action.query.js';

@ApiTags('Actions')
@Controller('api/v1/plans')
export class GetActionHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':planId/actions/:actionId')
  @CouncilAccess(...rolesFor('readPlans'))
  @DocumentRead({
    path: ':planId/actions/:actionId',
    summary: 'Read an action: its due, status, RAG, progress record, leads and measures',
    description:
      "Read from the action's own events, so it always shows the latest change. With `asOf`, the action as it stood at that instant. The ETag is the stream version (as of then, with `asOf`). Every role in the council may read.",
    result: actionDetailSchema,
    asOf: true,
  })
  async get(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Query('asOf', asOfQuery) asOf: Date | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionDetail> {
    const view = await this.queryBus.execute(new GetActionQuery(planId, actionId, asOf ?? null));
    setVersionHeaders(response, view.version);
    return view;
  }
}
