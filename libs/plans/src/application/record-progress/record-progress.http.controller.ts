import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { ACTION_STATUSES } from '../../domain/action.js';
import { RAG_RATINGS } from '../../domain/rag.js';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { actionChangedSchema, type ActionChangedResult } from '../shared/command-result.js';
import { IfMatch, idParam, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import { calendarDate, longText } from '../shared/schemas.js';
import { RecordProgressCommand } from './record-progress.command.js';

export const recordProgressBody = z.strictObject({
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAG_RATINGS).optional().describe('Left out: the action keeps its current rating'),
  narrative: longText.min(1, 'Describe the progress made').describe('"Progress to date", in your words'),
  asOf: calendarDate
    .optional()
    .describe('The date the progress is reported as of; today if left out. Not before the latest update.'),
});

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
    @Body(new ZodValidationPipe(recordProgressBody)) body: z.output<typeof recordProgressBody>,
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
