import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { actionChangedSchema, type ActionChangedResult } from '../shared/command-result.js';
import { idParam, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import { recordProgressBody, type RecordProgressBody } from './record-progress.body.js';
import { RecordProgressCommand } from './record-progress.command.js';

@ApiTags('Actions')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class RecordProgressHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':planId/actions/:actionId/progress')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('recordProgress'))
  @DocumentCommand({
    path: ':planId/actions/:actionId/progress',
    summary: 'Record progress on an action',
    description:
      "Status, RAG and narrative as of a date; kept in the action's dated record. Roles: plan-editor, council-admin; action-lead on the actions one of their teams leads.",
    body: recordProgressBody,
    result: actionChangedSchema,
  })
  async record(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Body(new ZodValidationPipe(recordProgressBody)) body: RecordProgressBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionChangedResult> {
    const result = await this.commandBus.execute(
      new RecordProgressCommand(
        planId,
        actionId,
        { status: body.status, rag: body.rag, narrative: body.narrative, asOf: body.asOf },
        ifMatch,
      ),
    );
    setVersionHeaders(response, result.version, resourcePaths.action(planId, actionId));
    return result;
  }
}
