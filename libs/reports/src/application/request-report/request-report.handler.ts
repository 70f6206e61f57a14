import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { RequestContext } from '@due-regard/identity';
import { GetPlanAsOfQuery } from '@due-regard/plans';
import { CLOCK, DomainRuleViolation, type Clock } from '@due-regard/shared-kernel';
import { reportDecider, type ReportRequest } from '../../domain/report.js';
import { ReportJobs } from '../../jobs/report-jobs.js';
import { ReportStore } from '../../storage/report-store.js';
import { reportIdOf, reportStream } from '../shared/report-ids.js';
import { reportInstant, ukDay } from '../shared/report-instants.js';
import { RequestReportCommand } from './request-report.command.js';
import { reportView, type ReportView } from './request-report.view.js';

@CommandHandler(RequestReportCommand)
export class RequestReportHandler implements ICommandHandler<RequestReportCommand, ReportView> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
    private readonly queryBus: QueryBus,
    private readonly store: ReportStore,
    private readonly jobs: ReportJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ body }: RequestReportCommand): Promise<ReportView> {
    const council = this.context.councilSlug();
    const now = this.clock.now();
    const today = ukDay(now);
    // An annual report is as of the end of its financial year, or today while the year runs.
    const yearEnd = body.year === undefined ? null : `${body.year + 1}-03-31`;
    const asOf = body.asOf ?? (yearEnd !== null && yearEnd < today ? yearEnd : today);
    if (asOf > today) {
      throw new DomainRuleViolation(
        'The date the report is as of must be today or in the past',
        'as_of_in_future',
        'asOf',
      );
    }
    const request: ReportRequest = {
      type: body.type,
      planId: body.planId ?? null,
      year: body.year ?? null,
      asOf,
      asOfInstant: reportInstant(asOf, now).toISOString(),
      since: body.since ?? null,
      format: body.format,
    };
    if (request.planId !== null) {
      // NotFound (404) when the plan did not exist then: nothing is recorded or queued.
      await this.queryBus.execute(new GetPlanAsOfQuery(request.planId, new Date(request.asOfInstant)));
    }
    const reportId = reportIdOf({
      council,
      type: request.type,
      subject: request.planId ?? String(request.year),
      asOf: request.asOf,
      since: request.since,
      format: request.format,
    });
    const stream = reportStream(council, reportId);
    const { attempt } = await this.runner.run(async (session) => {
      const { state } = await session.load(stream, reportDecider);
      const events = reportDecider.decide({ type: 'RequestReport', reportId, request }, state);
      session.record(stream, events);
      const [requested] = events;
      return { attempt: requested?.data.attempt ?? (state.status === 'none' ? 1 : state.attempt) };
    });
    const record = await this.store.queued(reportId, request, attempt, this.context.principal().subject);
    // Queued even when the report was known: a crash between the append and the queue is mended by asking again.
    if (record.status !== 'ready') {
      await this.jobs.submit({ tenant: council, reportId, attempt, correlationId: this.context.correlationId() });
    }
    return reportView(record);
  }
}
