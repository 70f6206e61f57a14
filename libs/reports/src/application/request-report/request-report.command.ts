import { Command } from '@nestjs/cqrs';
import type { RequestReportBody } from './request-report.body.js';
import type { ReportView } from './request-report.view.js';

/** A report asked for by someone of the request's council: recorded, then queued for the worker. */
export class RequestReportCommand extends Command<ReportView> {
  constructor(readonly body: RequestReportBody) {
    super();
  }
}
