import { Body, Controller, HttpCode, Param, Patch, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { idParam, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import type { CommandResult } from '../shared/command-result.js';
import { reviseObjectiveBody, type ReviseObjectiveBody } from './revise-objective.body.js';
import { ReviseObjectiveCommand } from './revise-objective.command.js';

@ApiTags('Strategies')
@Controller('api/v1/strategies')
@UseInterceptors(IdempotencyInterceptor)
export class ReviseObjectiveHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':strategyId/objectives/:objectiveId')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('reviseObjective'))
  @DocumentCommand({
    path: ':strategyId/objectives/:objectiveId',
    summary: "Reword or reclassify a strategy's objective",
    description:
      "Only the fields sent change. The answer's id, version and ETag are the strategy's. Roles: plan-editor, council-admin.",
    body: reviseObjectiveBody,
  })
  async revise(
    @Param('strategyId', idParam) strategyId: string,
    @Param('objectiveId', idParam) objectiveId: string,
    @Body(new ZodValidationPipe(reviseObjectiveBody)) body: ReviseObjectiveBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(new ReviseObjectiveCommand(strategyId, objectiveId, body, ifMatch));
    setVersionHeaders(response, result.version, resourcePaths.strategy(strategyId));
    return result;
  }
}
