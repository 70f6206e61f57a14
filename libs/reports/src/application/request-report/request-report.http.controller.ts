import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiResponse, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/reports.policy.js';
import { reportPath } from '../shared/report-paths.js';
import { requestReportBody, type RequestReportBody } from './request-report.body.js';
import { RequestReportCommand } from './request-report.command.js';
import { reportViewSchema, type ReportView } from './request-report.view.js';

const openApi = (schema: z.ZodType, io: 'input' | 'output'): SchemaObject =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;

@ApiTags('Reports')
@Controller('api/v1/reports')
@UseInterceptors(IdempotencyInterceptor)
export class RequestReportHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(202)
  @CouncilAccess(...rolesFor('requestReport'))
  @ApiOperation({
    summary: 'Ask for a report: a plan’s progress report as of a date, or the annual equality report of a year',
    description:
      'Any council role. Recorded as ReportRequested and queued; poll the Location. The same request again names the same report (its id is derived from the council, type, plan or year, as-of date, since date and format) and queues nothing more.',
  })
  @ApiBody({ schema: openApi(requestReportBody, 'input') })
  @ApiResponse({
    status: 202,
    description: 'Queued, running or already ready',
    schema: openApi(reportViewSchema, 'output'),
    headers: { Location: { description: 'Where to poll the report', schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 404, description: 'The plan did not exist at the date asked for' })
  @ApiResponse({ status: 422, description: 'A field is missing or wrong: each is named' })
  async request(
    @Body(new ZodValidationPipe(requestReportBody)) body: RequestReportBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportView> {
    const report = await this.commandBus.execute(new RequestReportCommand(body));
    response.setHeader('Location', reportPath(report.id));
    return report;
  }
}
