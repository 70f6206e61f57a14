import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestContext } from '@due-regard/identity';
import { ReportJobs } from '../../jobs/report-jobs.js';
import { RequestReportCommand } from './request-report.command.js';
import { ReportRequests } from './report-requests.js';
import { reportView, type ReportView } from './request-report.view.js';

@CommandHandler(RequestReportCommand)
export class RequestReportHandler implements ICommandHandler<RequestReportCommand, ReportView> {
  constructor(
    private readonly requests: ReportRequests,
    private readonly jobs: ReportJobs,
    private readonly context: RequestContext,
  ) {}

  async execute({ body }: RequestReportCommand): Promise<ReportView> {
    const { record, attempt } = await this.requests.record(body);
    // Queued even when the report was known: a crash between the append and the queue is mended by asking again.
    if (record.status !== 'ready') {
      await this.jobs.submit({
        tenant: this.context.councilSlug(),
        reportId: record.id,
        attempt,
        requestedAt: record.requestedAt,
        correlationId: this.context.correlationId(),
      });
    }
    return reportView(record);
  }
}
