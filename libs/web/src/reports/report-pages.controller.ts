import { Body, Get, NotFoundException, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilAccess, Public, RequestContext } from '@due-regard/identity';
import { NotFound, DomainRuleViolation } from '@due-regard/shared-kernel';
import {
  contentDisposition,
  REPORT_FORMATS,
  ReportFiles,
  ReportStore,
  RequestReportCommand,
  requestReportBody,
  rolesFor,
  ukDay,
  type ReportFormat,
  type ReportRecord,
} from '@due-regard/reports';
import { dateInputValues, readDateInput, type DateInputValues } from '../forms/date-input.js';
import { formBody, textField } from '../forms/form-body.js';
import { PageRenderer } from '../rendering/page-renderer.js';
import { ukDate, ukDateTime } from '../rendering/uk-dates.js';
import { PlanPages } from '../plans/shared/plan-pages.js';
import { WebController } from '../web-controller.decorator.js';

const REPORT_ID = /^[0-9a-f]{32}$/;
/** How often the waiting page asks again, without JavaScript (GOV.UK's pattern for a long task). */
const REFRESH_SECONDS = 2;

const FORMAT_CHOICES: Readonly<Record<ReportFormat, { readonly text: string; readonly hint: string }>> = {
  html: { text: 'Web page (HTML)', hint: 'Accessible; opens in any browser' },
  pdf: { text: 'PDF', hint: 'Tagged for screen readers, for publishing' },
  docx: { text: 'Word document (DOCX)', hint: 'To edit before publishing' },
  odt: { text: 'OpenDocument text (ODT)', hint: 'The open standard for documents' },
  csv: { text: 'CSV', hint: 'One row per action' },
  xlsx: { text: 'Excel spreadsheet (XLSX)', hint: 'One row per action' },
  ods: { text: 'OpenDocument spreadsheet (ODS)', hint: 'One row per action, the open standard' },
};

const STATUS_TAGS: Readonly<Record<ReportRecord['status'], { text: string; classes: string }>> = {
  queued: { text: 'Waiting', classes: 'govuk-tag--grey' },
  running: { text: 'Being made', classes: 'govuk-tag--blue' },
  ready: { text: 'Ready', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

interface FormValues {
  readonly asOf: DateInputValues;
  readonly format: string;
}

/**
 * The report pages: "Download a progress report" of a plan (a date and a format), a page that
 * refreshes itself (no JavaScript) until the file is ready, the council's reports, and the files.
 * Everything goes through the command and store the JSON API uses.
 */
@WebController()
export class ReportPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly store: ReportStore,
    private readonly files: ReportFiles,
    private readonly pages: PlanPages,
    private readonly renderer: PageRenderer,
    private readonly context: RequestContext,
  ) {}

  @Get('plans/:planId/report')
  @CouncilAccess(...rolesFor('requestReport'))
  async form(@Param('planId') planId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const today = ukDay(new Date()).split('-');
    await this.showForm(request, response, planId, {
      values: { asOf: { day: today[2] ?? '', month: today[1] ?? '', year: today[0] ?? '' }, format: 'pdf' },
      errors: {},
      status: 200,
    });
  }

  @Post('plans/:planId/report')
  @CouncilAccess(...rolesFor('requestReport'))
  async request(
    @Param('planId') planId: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const body = formBody(posted);
    const values: FormValues = { asOf: dateInputValues(body, 'asOf'), format: textField(body, 'format') };
    const errors: Record<string, string> = {};
    const asOf = readDateInput(values.asOf, 'The date of the report');
    if (asOf.kind === 'empty') errors['asOf'] = 'Enter the date of the report';
    if (asOf.kind === 'invalid') errors['asOf'] = asOf.message;
    if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) errors['format'] = 'Choose a format';
    if (asOf.kind !== 'date' || errors['format'] !== undefined) {
      await this.showForm(request, response, planId, { values, errors, status: 400 });
      return;
    }
    const parsed = requestReportBody.safeParse({ type: 'progress', planId, asOf: asOf.date, format: values.format });
    if (!parsed.success) throw new NotFoundException();
    try {
      const report = await this.commandBus.execute(new RequestReportCommand(parsed.data));
      response.redirect(303, `/reports/${report.id}`);
    } catch (error) {
      if (error instanceof DomainRuleViolation) errors['asOf'] = error.message;
      else if (error instanceof NotFound) errors['asOf'] = 'The plan did not exist on that date: choose a later date';
      else throw error;
      await this.showForm(request, response, planId, { values, errors, status: 400 });
    }
  }

  @Get('reports')
  @CouncilAccess(...rolesFor('readReports'))
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const you = this.context.principal().subject;
    const reports = await this.store.list();
    await this.renderer.render(request, response, 'reports/list.njk', {
      pageTitle: 'Reports',
      reports: reports.map((report) => ({
        href: `/reports/${report.id}`,
        title:
          report.subjectTitle ?? (report.type === 'annual' ? `Annual report ${report.year ?? ''}` : 'Progress report'),
        kind: report.type === 'annual' ? 'Annual equality report' : 'Progress report',
        format: FORMAT_CHOICES[report.format].text,
        asOf: ukDate(report.asOf),
        askedBy: report.requestedBy === you ? 'You' : 'Someone else at your council',
        askedAt: ukDateTime(report.requestedAt),
        status: STATUS_TAGS[report.status],
      })),
    });
  }

  @Get('reports/:id')
  @CouncilAccess(...rolesFor('readReports'))
  async show(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const report = await this.found(id);
    const underWay = report.status === 'queued' || report.status === 'running';
    // While the report is made, the browser asks again by itself (the HTTP Refresh header): no JavaScript needed.
    if (underWay) response.setHeader('Refresh', String(REFRESH_SECONDS));
    await this.renderer.render(request, response, 'reports/report.njk', {
      pageTitle: underWay
        ? 'Your report is being made'
        : report.status === 'ready'
          ? 'Your report is ready'
          : 'Your report could not be made',
      report: {
        ...report,
        title: report.subjectTitle ?? 'Progress report',
        formatText: FORMAT_CHOICES[report.format].text,
        asOfText: ukDate(report.asOf),
        generatedAtText: report.generatedAt === null ? null : ukDateTime(report.generatedAt),
        kilobytes: report.byteLength === null ? null : Math.max(1, Math.round(report.byteLength / 1024)),
        fileHref: `/reports/${report.id}/file`,
        planHref: report.planId === null ? null : `/plans/${report.planId}`,
      },
    });
  }

  @Get('reports/:id/file')
  @CouncilAccess(...rolesFor('readReports'))
  async file(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    return this.download(await this.found(id), response);
  }

  /** The public pages' link: only a report generated public (a published plan's) is found. */
  @Get('public/reports/:id/file')
  @Public()
  async publicFile(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const report = await this.found(id);
    if (!report.public) throw new NotFoundException();
    return this.download(report, response);
  }

  private async download(report: ReportRecord, response: Response): Promise<StreamableFile> {
    const bytes = report.status === 'ready' ? await this.files.read(this.context.councilSlug(), report.id) : null;
    if (bytes === null || report.fileName === null || report.mediaType === null) throw new NotFoundException();
    response.setHeader('Content-Type', report.mediaType);
    response.setHeader('Content-Disposition', contentDisposition(report.fileName));
    return new StreamableFile(bytes);
  }

  private async found(id: string): Promise<ReportRecord> {
    const report = REPORT_ID.test(id) ? await this.store.find(id) : null;
    if (report === null) throw new NotFoundException();
    return report;
  }

  private async showForm(
    request: Request,
    response: Response,
    planId: string,
    state: { values: FormValues; errors: Readonly<Record<string, string>>; status: number },
  ): Promise<void> {
    const plan = await this.pages.plan(planId);
    const order = ['asOf', 'format'];
    await this.renderer.render(
      request,
      response,
      'reports/new.njk',
      {
        pageTitle: 'Download a progress report',
        caption: plan.plan.title,
        backHref: `/plans/${plan.plan.planId}`,
        formAction: `/plans/${plan.plan.planId}/report`,
        values: state.values,
        errors: state.errors,
        hasErrors: Object.keys(state.errors).length > 0,
        errorList: order
          .filter((field) => state.errors[field] !== undefined)
          .map((field) => ({ text: state.errors[field], href: field === 'asOf' ? '#asOf-day' : '#format' })),
        formats: REPORT_FORMATS.map((format) => ({
          value: format,
          text: FORMAT_CHOICES[format].text,
          hint: { text: FORMAT_CHOICES[format].hint },
          checked: state.values.format === format,
        })),
      },
      state.status,
    );
  }
}
