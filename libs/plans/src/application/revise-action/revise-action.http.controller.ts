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
import { actionChangedSchema, type ActionChangedResult } from '../shared/command-result.js';
import { reviseActionBody, type ReviseActionBody } from './revise-action.body.js';
import { ReviseActionCommand } from './revise-action.command.js';

@ApiTags('Actions')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class ReviseActionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':planId/actions/:actionId')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('reviseAction'))
  @DocumentCommand({
    path: ':planId/actions/:actionId',
    summary: 'Reword an action, reassign its leads, move it to another objective',
    description:
      'Only the fields sent change, all in one step or none. A completed or cancelled action keeps its words. Roles: plan-editor, council-admin.',
    body: reviseActionBody,
    result: actionChangedSchema,
  })
  async revise(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Body(new ZodValidationPipe(reviseActionBody)) body: ReviseActionBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionChangedResult> {
    const result = await this.commandBus.execute(new ReviseActionCommand(planId, actionId, body, ifMatch));
    setVersionHeaders(response, result.version, resourcePaths.action(planId, actionId));
    return result;
  }
}
