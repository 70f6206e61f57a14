import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { idParam, optionalBody, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import type { CommandResult } from '../shared/command-result.js';
import { retireObjectiveBody, type RetireObjectiveBody } from './retire-objective.body.js';
import { RetireObjectiveCommand } from './retire-objective.command.js';
import { IfMatch } from '@due-regard/platform';

@ApiTags('Strategies')
@Controller('api/v1/strategies')
@UseInterceptors(IdempotencyInterceptor)
export class RetireObjectiveHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':strategyId/objectives/:objectiveId/retire')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('retireObjective'))
  @DocumentCommand({
    path: ':strategyId/objectives/:objectiveId/retire',
    summary: "Retire a strategy's objective",
    description:
      "Actions can no longer be filed under it. An adopted strategy keeps at least one objective. The answer's id, version and ETag are the strategy's. Roles: plan-editor, council-admin.",
    body: retireObjectiveBody,
    bodyOptional: true,
  })
  async retire(
    @Param('strategyId', idParam) strategyId: string,
    @Param('objectiveId', idParam) objectiveId: string,
    @Body(optionalBody(retireObjectiveBody)) body: RetireObjectiveBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(
      new RetireObjectiveCommand(strategyId, objectiveId, body.reason ?? null, ifMatch),
    );
    setVersionHeaders(response, result.version, resourcePaths.strategy(strategyId));
    return result;
  }
}
