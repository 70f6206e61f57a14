// The plans read models: per-council tables (row-level security), their projection, rebuilds, and the read API.
export * from './plans-read-models.modules.js';
export * from './as-of/action-as-of.reader.js';
export * from './freshness/read-your-writes.js';
export * from './lag/projection-lag.js';
export * from './projection/council-read-model.js';
export * from './projection/plans-projection.js';
export * from './projection/plans-projection.runner.js';
export * from './queries/dashboard.js';
export * from './queries/plans-read-queries.js';
export { dueWithin, inDueOrder, ledBy, type DueActionDto, type DueActionsDto } from './queries/whats-due.js';
export type {
  ActionSummaryDto,
  MeasureSummaryDto,
  ObjectiveDto,
  PlanDetailDto,
  PlanListDto,
  RecentActionChangeDto,
  StrategyDetailDto,
  StrategyListDto,
} from './queries/read-model-dtos.js';
export * from './rebuild/projections-queue.js';
export type { RebuildJobView } from './rebuild/rebuild.view.js';
export * from './rebuild/rebuild-council.js';
export * from './schema/entities.js';
export * from './schema/migrations.js';
