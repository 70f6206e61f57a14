import { DomainRuleViolation, NotFound, type Decider, type DomainEvent } from '@due-regard/shared-kernel';

/**
 * A report a council asked for: a progress report of one plan as of an instant, or the annual
 * equality report of a financial year, in one format. Requested, then generated (with the
 * document's SHA-256, so a published copy can be shown to be the one generated) or failed (with
 * why). Its stream is part of the council's history: what the council published, and when.
 *
 * Lifecycle: requested → generated, or requested → failed → requested again (a new attempt).
 * Asking again for a report already requested or generated changes nothing: the same request is
 * the same report. A second generation of a generated report (a job run again after a crash) is
 * not recorded: the first stands.
 */
export const REPORT_TYPES = ['progress', 'annual'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'odt', 'csv', 'xlsx', 'ods'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What was asked for, as asked: the same request always names the same report. */
export type ReportRequest = {
  readonly type: ReportType;
  /** The plan of a progress report; null for the annual report. */
  readonly planId: string | null;
  /** The financial year an annual report covers (2024 is April 2024 to March 2025); null for a progress report. */
  readonly year: number | null;
  /** The day the report is as of (ISO date). */
  readonly asOf: string;
  /** The instant the events are read up to: the end of that day in the UK, or the moment of asking for today. */
  readonly asOfInstant: string;
  /** A progress report's "what changed since" day (ISO date); null when not asked for. */
  readonly since: string | null;
  readonly format: ReportFormat;
};

// Commands ------------------------------------------------------------------------------------

export type RequestReport = {
  readonly type: 'RequestReport';
  readonly reportId: string;
  readonly request: ReportRequest;
};

export type RecordReportGenerated = {
  readonly type: 'RecordReportGenerated';
  readonly reportId: string;
  readonly sha256: string;
  readonly byteLength: number;
  readonly fileName: string;
  readonly mediaType: string;
  /** Whether the public may download it: a progress report of a plan published (or closed) at its as-of instant. */
  readonly public: boolean;
};

export type RecordReportFailed = {
  readonly type: 'RecordReportFailed';
  readonly reportId: string;
  readonly reason: string;
};

export type ReportCommand = RequestReport | RecordReportGenerated | RecordReportFailed;

// Events --------------------------------------------------------------------------------------

export type ReportRequested = DomainEvent<
  'ReportRequested',
  { reportId: string; attempt: number } & { [K in keyof ReportRequest]: ReportRequest[K] }
>;
export type ReportGenerated = DomainEvent<
  'ReportGenerated',
  {
    reportId: string;
    attempt: number;
    sha256: string;
    byteLength: number;
    fileName: string;
    mediaType: string;
    public: boolean;
  }
>;
export type ReportFailed = DomainEvent<'ReportFailed', { reportId: string; attempt: number; reason: string }>;
export type ReportEvent = ReportRequested | ReportGenerated | ReportFailed;

// State ---------------------------------------------------------------------------------------

export type Report = {
  readonly status: 'requested' | 'generated' | 'failed';
  readonly reportId: string;
  readonly request: ReportRequest;
  /** 1 for the first request; each request after a failure is the next attempt. */
  readonly attempt: number;
  readonly sha256: string | null;
  readonly reason: string | null;
};
export type ReportState = { readonly status: 'none' } | Report;

const SHA256 = /^[0-9a-f]{64}$/;

function requestOf(data: ReportRequested['data']): ReportRequest {
  const { type, planId, year, asOf, asOfInstant, since, format } = data;
  return { type, planId, year, asOf, asOfInstant, since, format };
}

function assertRequestIsWhole(request: ReportRequest): void {
  if (request.type === 'progress' && request.planId === null) {
    throw new DomainRuleViolation('A progress report is of one plan: choose the plan', 'plan_required', 'planId');
  }
  if (request.type === 'annual' && request.year === null) {
    throw new DomainRuleViolation('An annual report is of a financial year: enter the year', 'year_required', 'year');
  }
  if (request.since !== null && request.since > request.asOf) {
    throw new DomainRuleViolation(
      'The date to show changes since must be on or before the date the report is as of',
      'since_after_as_of',
      'since',
    );
  }
}

export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  eventTypes: ['ReportRequested', 'ReportGenerated', 'ReportFailed'],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RequestReport': {
        // The same request again, while it runs or once it is ready, is the same report.
        if (state.status === 'requested' || state.status === 'generated') return [];
        assertRequestIsWhole(command.request);
        const attempt = state.status === 'failed' ? state.attempt + 1 : 1;
        return [{ type: 'ReportRequested', data: { reportId: command.reportId, attempt, ...command.request } }];
      }
      case 'RecordReportGenerated': {
        if (state.status === 'none') throw new NotFound(`There is no report ${command.reportId}`);
        // A job run again after a crash generates it again: the first generation stands.
        if (state.status !== 'requested') return [];
        if (!SHA256.test(command.sha256)) {
          throw new DomainRuleViolation('A SHA-256 is 64 lower-case hexadecimal digits', 'invalid_sha256', 'sha256');
        }
        const { reportId, sha256, byteLength, fileName, mediaType } = command;
        return [
          {
            type: 'ReportGenerated',
            data: { reportId, attempt: state.attempt, sha256, byteLength, fileName, mediaType, public: command.public },
          },
        ];
      }
      case 'RecordReportFailed': {
        if (state.status === 'none') throw new NotFound(`There is no report ${command.reportId}`);
        if (state.status !== 'requested') return [];
        const reason = command.reason.trim();
        if (reason === '') {
          throw new DomainRuleViolation('Say why the report could not be generated', 'reason_required', 'reason');
        }
        return [{ type: 'ReportFailed', data: { reportId: command.reportId, attempt: state.attempt, reason } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ReportRequested':
        return {
          status: 'requested',
          reportId: event.data.reportId,
          request: requestOf(event.data),
          attempt: event.data.attempt,
          sha256: null,
          reason: null,
        };
      case 'ReportGenerated':
        return state.status === 'none' ? state : { ...state, status: 'generated', sha256: event.data.sha256 };
      case 'ReportFailed':
        return state.status === 'none' ? state : { ...state, status: 'failed', reason: event.data.reason };
    }
  },
};
