import { Controller, Get, NotFoundException, Param, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { ACTION_STATUSES } from '../../domain/action.js';
import { RAG_RATINGS } from '../../domain/rag.js';
import { ReadYourWritesInterceptor } from '../freshness/read-your-writes.interceptor.js';
import { PlansReadQueries } from '../queries/plans-read-queries.js';
import { openApi, planListSchema, planNowOrAsOfSchema, type PlanListDto } from '../queries/read-model-dtos.js';
import { PlanAsOfReader } from './plan-as-of.js';
import { idParam, NOT_FOUND, planQuery, type PlanQuery } from './read-model-params.js';

const FRESHNESS_DOC = {
  'X-Read-Model': { description: '`current`, or `stale` when the projection had not caught up within 2 s' },
};

@ApiTags('Plans')
@ApiBadRequestResponse({ description: 'A parameter is not valid: problem details naming it.' })
@ApiUnauthorizedResponse({ description: 'No valid access token (problem details).' })
@ApiForbiddenResponse({ description: 'Not a role of this council allowed here (problem details).' })
@Controller('api/v1/plans')
@UseInterceptors(ReadYourWritesInterceptor)
export class PlansReadHttpController {
  constructor(
    private readonly queries: PlansReadQueries,
    private readonly asOf: PlanAsOfReader,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('readPlans'))
  @ApiOkResponse({
    description: "The council's action plans, newest period first.",
    schema: openApi(planListSchema),
    headers: FRESHNESS_DOC,
  })
  list(): Promise<PlanListDto> {
    return this.queries.listPlans();
  }

  @Get(':planId')
  @CouncilAccess(...rolesFor('readPlans'))
  @ApiParam({ name: 'planId', schema: { type: 'string' } })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'An ISO 8601 instant: the plan as it stood then, rebuilt from its events (no filters with it)',
    schema: { type: 'string', format: 'date-time' },
  })
  @ApiQuery({
    name: 'objectiveId',
    required: false,
    description: "Only this objective's actions",
    schema: { type: 'string' },
  })
  @ApiQuery({ name: 'status', required: false, schema: { type: 'string', enum: [...ACTION_STATUSES] } })
  @ApiQuery({ name: 'rag', required: false, schema: { type: 'string', enum: [...RAG_RATINGS] } })
  @ApiQuery({
    name: 'lead',
    required: false,
    description: 'A lead team (whole name, any case)',
    schema: { type: 'string' },
  })
  @ApiQuery({ name: 'overdue', required: false, schema: { type: 'string', enum: ['true', 'false'] } })
  @ApiOkResponse({
    description:
      'The plan with its objectives, a summary of its actions (filtered if asked) and dashboard figures for the plan and each objective. ETag: the plan stream version. With asOf: the plan as it stood then.',
    schema: openApi(planNowOrAsOfSchema),
    headers: { ETag: { description: 'The plan stream version' }, ...FRESHNESS_DOC },
  })
  @ApiNotFoundResponse({ description: 'No such plan in this council (problem details).' })
  async get(
    @Param('planId', new ZodValidationPipe(idParam)) planId: string,
    @Query(new ZodValidationPipe(planQuery)) query: PlanQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    if (query.asOf !== undefined) {
      const past = await this.asOf.read(planId, new Date(query.asOf));
      response.setHeader('ETag', `"${past.plan.version}"`);
      return past;
    }
    const { asOf: _asOf, ...filters } = query;
    const plan = await this.queries.plan(planId, filters);
    if (plan === null) throw new NotFoundException(NOT_FOUND);
    response.setHeader('ETag', `"${plan.version}"`);
    return plan;
  }
}
