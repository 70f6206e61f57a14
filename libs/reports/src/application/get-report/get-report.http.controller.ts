import { Controller, Get, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { ProblemException, ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/reports.policy.js';
import { ReportFiles } from '../../storage/report-files.js';
import { ReportStore } from '../../storage/report-store.js';
import { RequestContext } from '@due-regard/identity';
import {
  reportListSchema,
  reportView,
  reportViewSchema,
  type ReportView,
} from '../request-report/request-report.view.js';
import { contentDisposition } from '../shared/content-disposition.js';

const reportIdParam = new ZodValidationPipe(z.string().regex(/^[0-9a-f]{32}$/, 'Not a report id this service issues'));

const openApi = (schema: z.ZodType): SchemaObject =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as SchemaObject;

@ApiTags('Reports')
@Controller('api/v1/reports')
export class GetReportHttpController {
  constructor(
    private readonly store: ReportStore,
    private readonly files: ReportFiles,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('readReports'))
  @ApiOperation({ summary: 'The council’s reports, newest first: what was generated, by whom, when' })
  @ApiResponse({ status: 200, schema: openApi(reportListSchema) })
  async list(): Promise<{ reports: ReportView[] }> {
    return { reports: (await this.store.list()).map(reportView) };
  }

  @Get(':id')
  @CouncilAccess(...rolesFor('readReports'))
  @ApiOperation({
    summary: 'Where a report stands: queued, running (with progress), ready (with its SHA-256) or failed (with why)',
  })
  @ApiResponse({ status: 200, schema: openApi(reportViewSchema) })
  @ApiResponse({ status: 404, description: 'No such report in this council' })
  async get(@Param('id', reportIdParam) id: string): Promise<ReportView> {
    const report = await this.store.find(id);
    if (report === null) throw new NotFoundException(`There is no report ${id} in this council`);
    return reportView(report);
  }

  @Get(':id/file')
  @CouncilAccess(...rolesFor('readReports'))
  @ApiOperation({ summary: 'The generated document, with its content type and a file name' })
  @ApiProduces('text/html', 'application/pdf', 'text/csv', 'application/octet-stream')
  @ApiResponse({ status: 200, description: 'The document' })
  @ApiResponse({ status: 404, description: 'No such report in this council' })
  @ApiResponse({ status: 409, description: 'Not ready yet, or failed' })
  @ApiResponse({ status: 410, description: 'Deleted after the retention period: ask for the report again' })
  async file(
    @Param('id', reportIdParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const report = await this.store.find(id);
    if (report === null) throw new NotFoundException(`There is no report ${id} in this council`);
    if (report.status !== 'ready' || report.fileName === null || report.mediaType === null || report.sha256 === null) {
      throw new ProblemException({
        status: 409,
        type: 'urn:due-regard:problem:report:not_ready',
        title: 'The report is not ready',
        detail:
          report.status === 'failed'
            ? `The report failed: ${report.error ?? ''}`
            : `The report is ${report.status}: try again shortly`,
        extensions: { code: 'report_not_ready', reportStatus: report.status, progress: report.progress },
      });
    }
    const bytes = await this.files.read(this.context.councilSlug(), id);
    if (bytes === null) {
      throw new ProblemException({
        status: 410,
        type: 'urn:due-regard:problem:report:file_deleted',
        title: 'The report’s file was deleted after the retention period',
        detail: `Its SHA-256 was ${report.sha256}. Ask for the report again to generate it.`,
        extensions: { code: 'report_file_deleted' },
      });
    }
    response.setHeader('Content-Type', report.mediaType);
    response.setHeader('Content-Disposition', contentDisposition(report.fileName));
    response.setHeader('Digest', `sha-256=${Buffer.from(report.sha256, 'hex').toString('base64')}`);
    return new StreamableFile(bytes);
  }
}
