import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { actionChangedSchema, type ActionChangedResult } from '../shared/command-result.js';
import { idParam, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import { reviseDueBody, type ReviseDueBody } from './revise-due.body.js';
import { ReviseDueCommand } from './revise-due.command.js';

@ApiTags('Actions')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class ReviseDueHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':planId/actions/:actionId/due-revisions')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('reviseDue'))
  @DocumentCommand({
    path: ':planId/actions/:actionId/due-revisions',
    summary: "Revise an action's due",
    description:
      'The new due is kept as written and read into a schedule; the previous one and the reason stay in the record. Roles: plan-editor, council-admin; action-lead on the actions one of their teams leads.',
    body: reviseDueBody,
    result: actionChangedSchema,
  })
  async revise(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Body(new ZodValidationPipe(reviseDueBody)) body: ReviseDueBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionChangedResult> {
    const result = await this.commandBus.execute(
      new ReviseDueCommand(planId, actionId, body.due, body.reason, ifMatch),
    );
    setVersionHeaders(response, result.version, resourcePaths.action(planId, actionId));
    return result;
  }
}
