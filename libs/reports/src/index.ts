// The reports context: progress and annual equality reports, requested, generated and recorded as
// events of the council, built from events as of an instant, in the formats councils publish.
export * from './domain/report.js';
export * from './policy/reports.policy.js';
export * from './reports.module.js';
export * from './content/report-document.js';
export * from './content/progress-report.js';
export * from './content/annual-report.js';
export * from './formats/render-report.js';
export * from './storage/report-store.js';
export * from './storage/report-files.js';
export * from './jobs/report-jobs.js';
export * from './application/generate-report/report-generator.js';
export * from './application/request-report/request-report.command.js';
export * from './application/request-report/report-requests.js';
export * from './application/shared/report-instants.js';
export * from './application/shared/report-paths.js';
export * from './application/shared/content-disposition.js';
export { requestReportBody, type RequestReportBody } from './application/request-report/request-report.body.js';
export { reportView, reportViewSchema, type ReportView } from './application/request-report/request-report.view.js';
