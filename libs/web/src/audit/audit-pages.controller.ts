import { Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  auditLogQuery,
  AuditLogReader,
  comparePlanQuery,
  comparePlans,
  describeBreak,
  IntegrityAlarmReader,
  IntegrityVerifier,
  planIdParam,
  rolesFor,
  type IntegrityAlarmState,
} from '@due-regard/audit';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { GetPlanAsOfQuery, type PlanAsOf } from '@due-regard/plans';
import { NotFound } from '@due-regard/shared-kernel';
import { PageRenderer } from '../rendering/page-renderer.js';
import { WebController } from '../web-controller.decorator.js';

/** A query string's values as the filter forms send them: empty fields left out. */
function filled(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
    ),
  );
}

/** "2026-12-08T00:59:30" as a datetime-local input (to the second) shows it, from an ISO instant (UTC). */
const localInput = (iso: string | undefined): string => (iso ? iso.slice(0, 19) : '');
/** A datetime-local input's value as an ISO instant (read as UTC); anything else is left for the schema to refuse. */
function instantOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return `${value}Z`;
  return value;
}

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The auditor's area: the change log with its filters, verification, and a plan compared between two instants. */
@WebController()
export class AuditPagesController {
  constructor(
    private readonly log: AuditLogReader,
    private readonly verifier: IntegrityVerifier,
    private readonly alarms: IntegrityAlarmReader,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('audit')
  @CouncilAccess(...rolesFor('readAuditLog'))
  async showLog(
    @Query() raw: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const given = filled(raw);
    const parsed = auditLogQuery.safeParse({ ...given, from: instantOf(given['from']), to: instantOf(given['to']) });
    const council = this.context.councilSlug();
    const page = parsed.success ? await this.log.readRecorded(council, parsed.data) : null;
    const errors = parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ text: issue.message, href: `#${String(issue.path[0] ?? 'from')}` }));
    await this.renderer.render(
      request,
      response,
      'audit/log.njk',
      {
        pageTitle: 'Audit log',
        alarm: await this.alarm(council),
        filters: { ...given, from: localInput(given['from']), to: localInput(given['to']) },
        errors,
        page: page && {
          ...page,
          entries: page.entries.map((entry) => ({
            ...entry,
            events: entry.events.map((event) => ({
              ...event,
              changes: event.changes.map((change) => ({
                field: change.field,
                old: json(change.old),
                new: json(change.new),
              })),
            })),
          })),
          pages: Math.max(1, Math.ceil(page.total / page.pageSize)),
        },
      },
      parsed.success ? 200 : 400,
    );
  }

  @Get('audit/verify')
  @CouncilAccess(...rolesFor('verifyIntegrity'))
  async showVerification(@Req() request: Request, @Res() response: Response): Promise<void> {
    const council = this.context.councilSlug();
    const verification = await this.verifier.verify(council);
    await this.renderer.render(request, response, 'audit/verify.njk', {
      pageTitle: 'Verify the log',
      alarm: await this.alarm(council),
      verification,
      firstBreak: verification.breaks[0] ? describeBreak(verification.breaks[0]) : null,
    });
  }

  @Get('audit/compare')
  @CouncilAccess(...rolesFor('comparePlan'))
  async showComparison(
    @Query() raw: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const given = filled(raw);
    const council = this.context.councilSlug();
    const asked = given['plan'] !== undefined || given['from'] !== undefined || given['to'] !== undefined;
    const plan = planIdParam.safeParse(given['plan']);
    const instants = comparePlanQuery.safeParse({ from: instantOf(given['from']), to: instantOf(given['to']) });
    const errors: { text: string; href: string }[] = [];
    if (asked && !plan.success) errors.push({ text: 'Enter the id of a plan', href: '#plan' });
    if (asked && !instants.success) {
      for (const issue of instants.error.issues) {
        errors.push({ text: issue.message, href: `#${String(issue.path[0] ?? 'from')}` });
      }
    }
    let comparison = null;
    if (asked && plan.success && instants.success) {
      try {
        const after = await this.queries.execute(new GetPlanAsOfQuery(plan.data, new Date(instants.data.to)));
        let before: PlanAsOf | null = null;
        try {
          before = await this.queries.execute(new GetPlanAsOfQuery(plan.data, new Date(instants.data.from)));
        } catch (error) {
          if (!(error instanceof NotFound)) throw error;
        }
        comparison = comparePlans(plan.data, instants.data.from, instants.data.to, before, after);
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        errors.push({ text: 'There was no such plan at the later date', href: '#plan' });
      }
    }
    await this.renderer.render(
      request,
      response,
      'audit/compare.njk',
      {
        pageTitle: 'Compare a plan between two dates',
        alarm: await this.alarm(council),
        filters: { plan: given['plan'] ?? '', from: localInput(given['from']), to: localInput(given['to']) },
        errors,
        comparison: comparison && {
          ...comparison,
          changed: comparison.changed.map((action) => ({
            ...action,
            changes: action.changes.map((change) => ({
              field: change.field,
              from: json(change.from),
              to: json(change.to),
            })),
          })),
        },
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  private async alarm(council: string): Promise<IntegrityAlarmState | null> {
    const state = await this.alarms.of(council);
    return state.breaks.length > 0 ? state : null;
  }
}
