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
import { addActionBody, type AddActionBody } from './add-action.body.js';
import { AddActionCommand } from './add-action.command.js';
import { actionAddedSchema, type ActionAddedResult } from './add-action.view.js';

@ApiTags('Actions')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class AddActionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':planId/actions')
  @HttpCode(201)
  @CouncilAccess(...rolesFor('addAction'))
  @DocumentCommand({
    path: ':planId/actions',
    summary: 'Add an action to a plan',
    description:
      "The reference must be unique within the plan. The due is kept as written and read into a schedule (`due` in the answer). If-Match, when sent, is the plan's version; the answer's version and ETag are the new action's. Roles: plan-editor, council-admin.",
    body: addActionBody,
    created: true,
    result: actionAddedSchema,
  })
  async add(
    @Param('planId', idParam) planId: string,
    @Body(new ZodValidationPipe(addActionBody)) body: AddActionBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionAddedResult> {
    const result = await this.commandBus.execute(
      new AddActionCommand(
        planId,
        {
          ref: body.ref,
          objectiveId: body.objectiveId,
          title: body.title,
          description: body.description ?? null,
          due: body.due,
          leads: body.leads ?? [],
          successMeasures: body.successMeasures ?? [],
          protectedCharacteristics: body.protectedCharacteristics ?? [],
        },
        ifMatch,
      ),
    );
    setVersionHeaders(response, result.version, resourcePaths.action(planId, result.id));
    return result;
  }
}
