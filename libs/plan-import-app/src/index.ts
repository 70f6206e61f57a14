// Importing the plans councils already have: a preview committed through the plans commands,
// uploads read by the `imports` queue, and the demo councils' plans.
export * from './plan-import.module.js';
export * from './commit/commit-types.js';
export * from './commit/document-lines.js';
export * from './commit/import-committer.js';
export * from './commit/import-defaults.js';
export * from './commit/progress-status.js';
export * from './demo/demo-fixtures.js';
export * from './demo/demo-plans.js';
export * from './demo/demo-plans.seeder.js';
export * from './demo/demo-reset.js';
export * from './demo/realm-users.js';
export * from './uploads/import-retention.js';
export * from './uploads/import-store.js';
export * from './uploads/uploads.view.js';
export * from './uploads/import-workflow.js';
export * from './uploads/imports-queue.js';
export * from './uploads/upload-checks.js';
export { IMPORTS_SCHEMA } from './uploads/imports.migrations.js';
export * from './uploads/import-redrive.js';
