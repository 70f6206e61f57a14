// The reports context: progress and annual equality reports, requested, generated and recorded as
// events of the council, built from events as of an instant, in the formats councils publish.
export * from './domain/report.js';
export * from './policy/reports.policy.js';
