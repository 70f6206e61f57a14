// The plans bounded context: strategies, action plans, actions, measures, and when things are due.
export * from './domain/action-plan.js';
export * from './domain/action.js';
export * from './domain/calendar-date.js';
export * from './domain/due.js';
export * from './domain/equality-reference.js';
export * from './domain/measure.js';
export * from './domain/measure-suggestion.js';
export * from './domain/next-due.js';
export * from './domain/reminder.js';
export * from './domain/period.js';
export * from './domain/rag.js';
export * from './domain/strategy.js';
export * from './read-models/index.js';
export * from './application/plans-write.module.js';
export * from './application/get-plan-as-of/get-plan-as-of.query.js';
export * from './application/get-action/get-action.query.js';
export * from './application/action-history/action-history.query.js';
export * from './application/get-plan-return/get-plan-return.query.js';
export * from './application/plan-history/plan-history.query.js';
export * from './application/strategy-history/strategy-history.query.js';
// What the write side's reads answer: each use case's view beside it, the parts several share in shared/.
export type { DueView, HistoryEntry } from './application/shared/views.js';
export type { ActionDetail, DueRevision, ProgressEntry } from './application/get-action/get-action.view.js';
export type { ActionHistory } from './application/action-history/action-history.view.js';
export type { PlanHistory } from './application/plan-history/plan-history.view.js';
export type { StrategyHistory } from './application/strategy-history/strategy-history.view.js';
export type { PlanReturn } from './application/get-plan-return/get-plan-return.view.js';
export {
  planAsOfSchema,
  type ActionAsOf,
  type ObjectiveAsOf,
  type PlanAsOf,
  type StrategyAsOf,
} from './application/get-plan-as-of/get-plan-as-of.view.js';
export * from './policy/plans.policy.js';
export { personOf } from './application/shared/teams.js';
export * from './application/shared/council-due-settings.js';
export * from './application/add-action/add-action.command.js';
export * from './application/add-objective/add-objective.command.js';
export * from './application/draft-plan/draft-plan.command.js';
export * from './application/draft-strategy/draft-strategy.command.js';
export * from './application/plan-lifecycle/plan-lifecycle.command.js';
export * from './application/record-progress/record-progress.command.js';
export * from './application/revise-due/revise-due.command.js';
export * from './application/strategy-lifecycle/strategy-lifecycle.command.js';
export * from './application/revise-action/revise-action.command.js';
export * from './application/revise-objective/revise-objective.command.js';
export * from './application/retire-objective/retire-objective.command.js';
// What the commands answer: the action-changed result the action changes share, and each richer answer beside its use case.
export type { ActionChangedResult } from './application/shared/command-result.js';
export type { ActionAddedResult } from './application/add-action/add-action.view.js';
export type { ObjectiveAddedResult } from './application/add-objective/add-objective.view.js';
export type { PlanDraftedResult } from './application/draft-plan/draft-plan.view.js';
// The request bodies the web's forms validate with, as the API does: each beside its use case.
export { addActionBody, type AddActionBody } from './application/add-action/add-action.body.js';
export { addObjectiveBody, type AddObjectiveBody } from './application/add-objective/add-objective.body.js';
export { draftPlanBody, type DraftPlanBody } from './application/draft-plan/draft-plan.body.js';
export { draftStrategyBody, type DraftStrategyBody } from './application/draft-strategy/draft-strategy.body.js';
export { reviseObjectiveBody, type ReviseObjectiveBody } from './application/revise-objective/revise-objective.body.js';
export { retireObjectiveBody, type RetireObjectiveBody } from './application/retire-objective/retire-objective.body.js';
export {
  archiveStrategyBody,
  type ArchiveStrategyBody,
} from './application/strategy-lifecycle/strategy-lifecycle.body.js';
export { returnPlanBody, type ReturnPlanBody } from './application/plan-lifecycle/plan-lifecycle.body.js';
export { recordProgressBody, type RecordProgressBody } from './application/record-progress/record-progress.body.js';
export { reviseActionBody, type ReviseActionBody } from './application/revise-action/revise-action.body.js';
export { reviseDueBody, type ReviseDueBody } from './application/revise-due/revise-due.body.js';
// Measures: define one, record readings, read one with its readings and RAG.
export * from './application/define-measure/define-measure.command.js';
export * from './application/record-measure-reading/record-measure-reading.command.js';
export * from './application/get-measure/get-measure.query.js';
export type { MeasureDetail, ReadingView } from './application/get-measure/get-measure.view.js';
export { describeTarget, formatMeasureValue } from './application/get-measure/measure-summaries.js';
export { defineMeasureBody, type DefineMeasureBody } from './application/define-measure/define-measure.body.js';
export {
  recordMeasureReadingBody,
  type RecordMeasureReadingBody,
} from './application/record-measure-reading/record-measure-reading.body.js';
