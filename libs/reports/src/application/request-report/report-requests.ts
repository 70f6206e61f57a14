import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { RequestContext } from '@due-regard/identity';
import { GetPlanAsOfQuery } from '@due-regard/plans';
import { CLOCK, DomainRuleViolation, type Clock } from '@due-regard/shared-kernel';
import { reportDecider, type ReportRequest } from '../../domain/report.js';
import { ReportStore, type ReportRecord } from '../../storage/report-store.js';
import { reportIdOf, reportStream } from '../shared/report-ids.js';
import { reportInstant, ukDay } from '../shared/report-instants.js';
import type { RequestReportBody } from './request-report.body.js';

/**
 * Asking for a report, for the API, the web pages and the CLI alike: the request resolved (the
 * day, the instant its events are read up to), checked (the plan existed then), recorded as
 * `ReportRequested` through the one write path, and shown as queued. Generating it is for the
 * `reports` queue (or, in the CLI, at once).
 */
@Injectable()
export class ReportRequests {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
    private readonly queryBus: QueryBus,
    private readonly store: ReportStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(body: RequestReportBody): Promise<{ record: ReportRecord; attempt: number }> {
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
    return { record, attempt };
  }
}
