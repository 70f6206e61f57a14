import { scenario } from '@due-regard/testing';
import { reportDecider, type ReportEvent, type ReportRequest } from './report.js';

const given = scenario(reportDecider);
const reportId = 'progress-0190f3c2';
const request: ReportRequest = {
  type: 'progress',
  planId: '0190f3c2-7d1e-7abc-8def-0123456789ab',
  year: null,
  asOf: '2025-03-31',
  asOfInstant: '2025-03-31T22:59:59.999Z',
  since: '2024-04-01',
  format: 'pdf',
};
const sha256 = 'a'.repeat(64);

const requested = (attempt = 1): ReportEvent => ({ type: 'ReportRequested', data: { reportId, attempt, ...request } });
const generated: ReportEvent = {
  type: 'ReportGenerated',
  data: {
    reportId,
    attempt: 1,
    sha256,
    byteLength: 2048,
    fileName: 'progress-report.pdf',
    mediaType: 'application/pdf',
    public: true,
  },
};
const failed: ReportEvent = {
  type: 'ReportFailed',
  data: { reportId, attempt: 1, reason: 'The plan did not exist on 31 March 2025' },
};
const generate = {
  type: 'RecordReportGenerated',
  reportId,
  sha256,
  byteLength: 2048,
  fileName: 'progress-report.pdf',
  mediaType: 'application/pdf',
  public: true,
} as const;

describe('a report: requested, then generated with its SHA-256, or failed with why', () => {
  it('records a first request as attempt 1', () => {
    given().when({ type: 'RequestReport', reportId, request }).then(requested(1));
  });

  it('does nothing when the same report is asked for while it runs, or once it is ready', () => {
    given(requested()).when({ type: 'RequestReport', reportId, request }).thenNothingHappens();
    given(requested(), generated).when({ type: 'RequestReport', reportId, request }).thenNothingHappens();
  });

  it('asks again after a failure as the next attempt', () => {
    given(requested(), failed).when({ type: 'RequestReport', reportId, request }).then(requested(2));
  });

  it('refuses a progress report without a plan and an annual report without a year', () => {
    given()
      .when({ type: 'RequestReport', reportId, request: { ...request, planId: null } })
      .thenRefused('plan_required', 'planId');
    given()
      .when({ type: 'RequestReport', reportId, request: { ...request, type: 'annual', planId: null } })
      .thenRefused('year_required', 'year');
  });

  it('refuses changes "since" a day after the report\'s own day', () => {
    given()
      .when({ type: 'RequestReport', reportId, request: { ...request, since: '2025-04-01' } })
      .thenRefused('since_after_as_of', 'since');
  });

  it('records the document generated, with its SHA-256', () => {
    given(requested()).when(generate).then(generated);
  });

  it('keeps the first generation when a job runs again after a crash', () => {
    given(requested(), generated)
      .when({ ...generate, sha256: 'b'.repeat(64) })
      .thenNothingHappens();
  });

  it('refuses a digest that is not a SHA-256', () => {
    given(requested())
      .when({ ...generate, sha256: 'not-a-digest' })
      .thenRefused('invalid_sha256', 'sha256');
  });

  it('records why a report failed, once', () => {
    given(requested())
      .when({ type: 'RecordReportFailed', reportId, reason: ' The plan did not exist on 31 March 2025 ' })
      .then(failed);
    given(requested(), failed).when({ type: 'RecordReportFailed', reportId, reason: 'again' }).thenNothingHappens();
    given(requested(), generated).when({ type: 'RecordReportFailed', reportId, reason: 'late' }).thenNothingHappens();
  });

  it('refuses a failure without a reason', () => {
    given(requested())
      .when({ type: 'RecordReportFailed', reportId, reason: '  ' })
      .thenRefused('reason_required', 'reason');
  });

  it('knows no report never requested', () => {
    given().when(generate).thenNotFound();
    given().when({ type: 'RecordReportFailed', reportId, reason: 'x' }).thenNotFound();
  });

  it('folds to the request, its attempt and its digest', () => {
    expect(given(requested(), generated).state).toEqual({
      status: 'generated',
      reportId,
      request,
      attempt: 1,
      sha256,
      reason: null,
    });
    expect(given(requested(), failed).state).toMatchObject({ status: 'failed', reason: failed.data['reason'] });
  });
});
