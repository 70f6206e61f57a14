import { Controller, Get, NotFoundException, Param, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { ReadYourWritesInterceptor } from '../freshness/read-your-writes.interceptor.js';
import { PlansReadQueries } from '../queries/plans-read-queries.js';
import {
  openApi,
  strategyDetailSchema,
  strategyListSchema,
  type StrategyDetailDto,
  type StrategyListDto,
} from '../queries/read-model-dtos.js';
import { idParam, NOT_FOUND } from './read-model-params.js';

const FRESHNESS_DOC = {
  'X-Read-Model': { description: '`current`, or `stale` when the projection had not caught up within 2 s' },
};

@ApiTags('Strategies')
@ApiExtraModels()
@ApiBadRequestResponse({ description: 'A parameter is not valid: problem details naming it.' })
@ApiUnauthorizedResponse({ description: 'No valid access token (problem details).' })
@ApiForbiddenResponse({ description: 'Not a role of this council allowed here (problem details).' })
@Controller('api/v1/strategies')
@UseInterceptors(ReadYourWritesInterceptor)
export class StrategiesReadHttpController {
  constructor(private readonly queries: PlansReadQueries) {}

  @Get()
  @CouncilAccess(...rolesFor('readPlans'))
  @ApiOkResponse({
    description: "The council's strategies, newest period first.",
    schema: openApi(strategyListSchema),
    headers: FRESHNESS_DOC,
  })
  list(): Promise<StrategyListDto> {
    return this.queries.listStrategies();
  }

  @Get(':strategyId')
  @CouncilAccess(...rolesFor('readPlans'))
  @ApiParam({ name: 'strategyId', schema: { type: 'string' } })
  @ApiOkResponse({
    description: 'A strategy with its objectives and how they are grouped. ETag: the strategy stream version.',
    schema: openApi(strategyDetailSchema),
    headers: { ETag: { description: 'The strategy stream version' }, ...FRESHNESS_DOC },
  })
  @ApiNotFoundResponse({ description: 'No such strategy in this council (problem details).' })
  async get(
    @Param('strategyId', new ZodValidationPipe(idParam)) strategyId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StrategyDetailDto> {
    const strategy = await this.queries.strategy(strategyId);
    if (strategy === null) throw new NotFoundException(NOT_FOUND);
    response.setHeader('ETag', `"${strategy.version}"`);
    return strategy;
  }
}
