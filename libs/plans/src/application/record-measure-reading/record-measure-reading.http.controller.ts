import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { writeResultSchema, type CommandResult } from '../shared/command-result.js';
import { idParam, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import { recordMeasureReadingBody, type RecordMeasureReadingBody } from './record-measure-reading.body.js';
import { RecordMeasureReadingCommand } from './record-measure-reading.command.js';

@ApiTags('Measures')
@Controller('api/v1/measures')
@UseInterceptors(IdempotencyInterceptor)
export class RecordMeasureReadingHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':measureId/readings')
  @HttpCode(201)
  @CouncilAccess(...rolesFor('recordMeasureReading'))
  @DocumentCommand({
    path: ':measureId/readings',
    summary: 'Record a reading of a measure',
    description:
      "A value on a date, with an optional note; the RAG is derived from the latest reading against the target. Roles: plan-editor, council-admin; action-lead on the measures of their teams' actions.",
    body: recordMeasureReadingBody,
    result: writeResultSchema,
  })
  async record(
    @Param('measureId', idParam) measureId: string,
    @Body(new ZodValidationPipe(recordMeasureReadingBody)) body: RecordMeasureReadingBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(
      new RecordMeasureReadingCommand(measureId, { value: body.value, on: body.on, note: body.note ?? null }, ifMatch),
    );
    setVersionHeaders(response, result.version, resourcePaths.measure(measureId));
    return result;
  }
}
