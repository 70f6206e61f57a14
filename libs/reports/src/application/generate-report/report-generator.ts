import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { CouncilSettingsReader } from '@due-regard/councils';
import { EVENT_STORE, loadState, parseStreamName, START, streamName, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { GetActionQuery, GetPlanAsOfQuery, strategyDecider, type ActionDetail, type PlanAsOf } from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { annualReport, financialYear, type AnnualStrategy } from '../../content/annual-report.js';
import { progressReport } from '../../content/progress-report.js';
import type { ReportDocument } from '../../content/report-document.js';
import { financialYearWords } from '../../content/wording.js';
import { reportDecider, type Report, type ReportRequest } from '../../domain/report.js';
import { renderReport } from '../../formats/render-report.js';
import { publicMayDownload } from '../../policy/reports.policy.js';
import { ReportFiles } from '../../storage/report-files.js';
import { ReportStore } from '../../storage/report-store.js';
import { reportStream, sha256Of } from '../shared/report-ids.js';
import { endOfUkDay } from '../shared/report-instants.js';

/** A report that cannot be generated whatever the tries (the plan did not exist then): failed at once. */
export class ReportNotPossible extends Error {
  override readonly name = 'ReportNotPossible';
}

export type GenerationOutcome =
  | { readonly outcome: 'generated' | 'already-generated'; readonly sha256: string }
  | { readonly outcome: 'not-requested' };

/**
 * Generates a requested report in the request context of its council: rebuilds what it shows
 * from events up to its instant (the plans context's as-of reads, never a read model), renders it,
 * stores the file, then records `ReportGenerated` with the document's SHA-256 through the one write
 * path. Run again after a crash, it finds the report generated and only finishes what was left
 * (the status), so the council's history has one `ReportGenerated`.
 */
@Injectable()
export class ReportGenerator {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly queryBus: QueryBus,
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
    private readonly councils: CouncilSettingsReader,
    private readonly store: ReportStore,
    private readonly files: ReportFiles,
  ) {}

  async generate(reportId: string, onProgress: (percent: number) => Promise<void>): Promise<GenerationOutcome> {
    const council = this.context.councilSlug();
    const stream = reportStream(council, reportId);
    const { state } = await loadState(this.events, stream, reportDecider);
    if (state.status === 'none' || state.status === 'failed') return { outcome: 'not-requested' };
    if (state.status === 'generated') return this.finishGenerated(state);

    const step = async (percent: number, subjectTitle?: string): Promise<void> => {
      await this.store.progress(reportId, percent, subjectTitle);
      await onProgress(percent);
    };
    await step(10);
    const instant = new Date(state.request.asOfInstant);
    const { document, isPublic, subjectTitle } = await this.content(council, state.request, instant);
    await step(60, subjectTitle);
    const rendered = await renderReport(document, state.request.format, instant);
    const sha256 = sha256Of(rendered.bytes);
    await this.files.save(council, reportId, rendered.bytes);
    await step(90);
    await this.runner.run(async (session) => {
      const { state: now } = await session.load(stream, reportDecider);
      session.record(
        stream,
        reportDecider.decide(
          {
            type: 'RecordReportGenerated',
            reportId,
            sha256,
            byteLength: rendered.bytes.length,
            fileName: rendered.fileName,
            mediaType: rendered.mediaType,
            public: isPublic,
          },
          now,
        ),
      );
      return {};
    });
    return this.finishGenerated({ ...state, status: 'generated', sha256 });
  }

  /** Records why a report failed, once, and shows it. */
  async fail(reportId: string, reason: string): Promise<void> {
    const stream = reportStream(this.context.councilSlug(), reportId);
    await this.runner.run(async (session) => {
      const { state } = await session.load(stream, reportDecider);
      session.record(stream, reportDecider.decide({ type: 'RecordReportFailed', reportId, reason }, state));
      return {};
    });
    await this.store.failed(reportId, reason);
  }

  /** The status from the `ReportGenerated` event, whichever run recorded it. */
  private async finishGenerated(report: Report): Promise<GenerationOutcome> {
    const stream = reportStream(this.context.councilSlug(), report.reportId);
    const generated = (await this.events.readStream(stream)).findLast((event) => event.type === 'ReportGenerated');
    if (generated === undefined) throw new Error(`Report ${report.reportId} has no ReportGenerated event`);
    const data = generated.data as {
      sha256: string;
      fileName: string;
      mediaType: string;
      byteLength: number;
      public: boolean;
    };
    await this.store.ready(report.reportId, { ...data, generatedAt: generated.recordedAt });
    return { outcome: report.sha256 === data.sha256 ? 'generated' : 'already-generated', sha256: data.sha256 };
  }

  private async content(
    council: string,
    request: ReportRequest,
    instant: Date,
  ): Promise<{ document: ReportDocument; isPublic: boolean; subjectTitle: string }> {
    const councilName = (await this.councils.read(council))?.council.name ?? council;
    if (request.type === 'progress') {
      if (request.planId === null) throw new ReportNotPossible('A progress report names its plan');
      const { plan, actions } = await this.planAsOf(request.planId, instant);
      const since =
        request.since === null
          ? null
          : {
              day: request.since,
              instant: endOfUkDay(request.since).toISOString(),
              plan: await this.planOnly(request.planId, endOfUkDay(request.since)),
            };
      return {
        document: progressReport({ councilName, asOf: request.asOf, plan, actions, since }),
        isPublic: publicMayDownload(plan.plan),
        subjectTitle: plan.plan.title,
      };
    }
    if (request.year === null) throw new ReportNotPossible('An annual report names its year');
    const { strategies, plans } = await this.councilAsOf(council, instant, request.year);
    return {
      document: annualReport({ councilName, year: request.year, asOf: request.asOf, strategies, plans }),
      isPublic: false,
      subjectTitle: `Financial year ${financialYearWords(request.year)}`,
    };
  }

  private async planOnly(planId: string, instant: Date): Promise<PlanAsOf | null> {
    try {
      return await this.queryBus.execute(new GetPlanAsOfQuery(planId, instant));
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }

  private async planAsOf(planId: string, instant: Date): Promise<{ plan: PlanAsOf; actions: ActionDetail[] }> {
    const plan = await this.planOnly(planId, instant);
    if (plan === null) throw new ReportNotPossible(`The plan did not exist at ${instant.toISOString()}`);
    const actions = await Promise.all(
      plan.actions.map((action) => this.queryBus.execute(new GetActionQuery(planId, action.actionId, instant))),
    );
    return { plan, actions };
  }

  /**
   * Every strategy in force and every plan the council had drafted by the instant, as they stood
   * then, less the plans closed before the year began.
   */
  private async councilAsOf(
    council: string,
    instant: Date,
    year: number,
  ): Promise<{ strategies: AnnualStrategy[]; plans: { plan: PlanAsOf; actions: ActionDetail[] }[] }> {
    const drafted = { strategies: [] as string[], plans: [] as string[] };
    let after = START;
    for (;;) {
      const batch = await this.events.readAll({
        after,
        batchSize: 500,
        tenantId: council,
        eventTypes: ['StrategyDrafted', 'ActionPlanDrafted'],
      });
      for (const event of batch.events) {
        if (event.recordedAt.getTime() > instant.getTime()) continue;
        const { entityId } = parseStreamName(event.streamId);
        (event.type === 'StrategyDrafted' ? drafted.strategies : drafted.plans).push(entityId);
      }
      after = batch.position;
      if (batch.caughtUp) break;
    }
    const strategies: AnnualStrategy[] = [];
    for (const strategyId of drafted.strategies) {
      const { state } = await loadState(
        this.events,
        streamName('strategy', council, strategyId),
        strategyDecider,
        instant,
      );
      if (state.status === 'none' || state.status === 'archived') continue;
      strategies.push(state);
    }
    const plans = await Promise.all(drafted.plans.map((planId) => this.planAsOf(planId, instant)));
    const { from } = financialYear(year);
    return { strategies, plans: plans.filter(({ plan }) => plan.plan.closedOn === null || plan.plan.closedOn >= from) };
  }
}
