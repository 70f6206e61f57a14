import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { idParam, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import { addObjectiveBody, type AddObjectiveBody } from './add-objective.body.js';
import { AddObjectiveCommand } from './add-objective.command.js';
import { objectiveAddedSchema, type ObjectiveAddedResult } from './add-objective.view.js';

@ApiTags('Strategies')
@Controller('api/v1/strategies')
@UseInterceptors(IdempotencyInterceptor)
export class AddObjectiveHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':strategyId/objectives')
  @HttpCode(201)
  @CouncilAccess(...rolesFor('addObjective'))
  @DocumentCommand({
    path: ':strategyId/objectives',
    summary: 'Add an objective to a strategy',
    description:
      "If-Match and the answer's ETag are the strategy's version: objectives live in the strategy's stream. Roles: plan-editor, council-admin.",
    body: addObjectiveBody,
    created: true,
    result: objectiveAddedSchema,
  })
  async add(
    @Param('strategyId', idParam) strategyId: string,
    @Body(new ZodValidationPipe(addObjectiveBody)) body: AddObjectiveBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ObjectiveAddedResult> {
    const result = await this.commandBus.execute(
      new AddObjectiveCommand(
        strategyId,
        {
          ref: body.ref ?? null,
          title: body.title,
          description: body.description ?? null,
          psedAims: body.psedAims ?? [],
          eflgModules: body.eflgModules ?? [],
          group: body.group ?? null,
        },
        ifMatch,
      ),
    );
    setVersionHeaders(response, result.version, resourcePaths.strategy(strategyId));
    return result;
  }
}
