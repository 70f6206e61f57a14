import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@due-regard/commands';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { ActionHistoryHttpController } from './action-history/action-history.http.controller.js';
import { GetActionHistoryHandler } from './action-history/action-history.handler.js';
import { ActionLifecycleHandler } from './action-lifecycle/action-lifecycle.handler.js';
import { ActionLifecycleHttpController } from './action-lifecycle/action-lifecycle.http.controller.js';
import { AddActionHandler } from './add-action/add-action.handler.js';
import { AddActionHttpController } from './add-action/add-action.http.controller.js';
import { AddObjectiveHandler } from './add-objective/add-objective.handler.js';
import { AddObjectiveHttpController } from './add-objective/add-objective.http.controller.js';
import { DefineMeasureHandler } from './define-measure/define-measure.handler.js';
import { DefineMeasureHttpController } from './define-measure/define-measure.http.controller.js';
import { GetMeasureHandler } from './get-measure/get-measure.handler.js';
import { GetMeasureHttpController } from './get-measure/get-measure.http.controller.js';
import { RecordMeasureReadingHandler } from './record-measure-reading/record-measure-reading.handler.js';
import { RecordMeasureReadingHttpController } from './record-measure-reading/record-measure-reading.http.controller.js';
import { DraftPlanHandler } from './draft-plan/draft-plan.handler.js';
import { DraftPlanHttpController } from './draft-plan/draft-plan.http.controller.js';
import { DraftStrategyHandler } from './draft-strategy/draft-strategy.handler.js';
import { DraftStrategyHttpController } from './draft-strategy/draft-strategy.http.controller.js';
import { GetActionHandler } from './get-action/get-action.handler.js';
import { GetActionHttpController } from './get-action/get-action.http.controller.js';
import { GetPlanAsOfHandler } from './get-plan-as-of/get-plan-as-of.handler.js';
import { GetPlanReturnHandler } from './get-plan-return/get-plan-return.handler.js';
import { GetPlanHistoryHandler } from './plan-history/plan-history.handler.js';
import { PlanHistoryHttpController } from './plan-history/plan-history.http.controller.js';
import { PlanLifecycleHandler } from './plan-lifecycle/plan-lifecycle.handler.js';
import { PlanLifecycleHttpController } from './plan-lifecycle/plan-lifecycle.http.controller.js';
import { RecordProgressHandler } from './record-progress/record-progress.handler.js';
import { RecordProgressHttpController } from './record-progress/record-progress.http.controller.js';
import { ReviseActionHandler } from './revise-action/revise-action.handler.js';
import { ReviseActionHttpController } from './revise-action/revise-action.http.controller.js';
import { ReviseDueHandler } from './revise-due/revise-due.handler.js';
import { ReviseDueHttpController } from './revise-due/revise-due.http.controller.js';
import { ReviseObjectiveHandler } from './revise-objective/revise-objective.handler.js';
import { ReviseObjectiveHttpController } from './revise-objective/revise-objective.http.controller.js';
import { RetireObjectiveHandler } from './retire-objective/retire-objective.handler.js';
import { RetireObjectiveHttpController } from './retire-objective/retire-objective.http.controller.js';
import { PLAN_IDS, uuidV7PlanIds } from './shared/ids.js';
import { PlanWriter } from './shared/plan-writer.js';
import { ActionReportingPolicy } from './shared/teams.js';
import { GetStrategyHistoryHandler } from './strategy-history/strategy-history.handler.js';
import { StrategyHistoryHttpController } from './strategy-history/strategy-history.http.controller.js';
import { StrategyLifecycleHandler } from './strategy-lifecycle/strategy-lifecycle.handler.js';
import { StrategyLifecycleHttpController } from './strategy-lifecycle/strategy-lifecycle.http.controller.js';

/**
 * The write side of plans: commands on strategies, plans and actions through @nestjs/cqrs, the
 * event-sourced reads (an action now or as of an instant, its history, `GetPlanAsOfQuery`), and
 * Idempotency-Key for its POSTs and PATCHes. Needs the global EVENT_STORE, Database and
 * RequestContext (PlatformModule, IdentityModule), and a global `CouncilDueSettings` (the
 * councils library's CouncilSettingsModule) to read due text the way each council writes it.
 */
@Module({
  imports: [CqrsModule, CommandsModule],
  controllers: [
    DraftStrategyHttpController,
    AddObjectiveHttpController,
    ReviseObjectiveHttpController,
    RetireObjectiveHttpController,
    StrategyLifecycleHttpController,
    DraftPlanHttpController,
    PlanLifecycleHttpController,
    AddActionHttpController,
    GetActionHttpController,
    ActionHistoryHttpController,
    PlanHistoryHttpController,
    StrategyHistoryHttpController,
    ReviseActionHttpController,
    ReviseDueHttpController,
    RecordProgressHttpController,
    ActionLifecycleHttpController,
    DefineMeasureHttpController,
    RecordMeasureReadingHttpController,
    GetMeasureHttpController,
  ],
  providers: [
    { provide: PLAN_IDS, useValue: uuidV7PlanIds },
    { provide: CLOCK, useValue: systemClock },
    PlanWriter,
    ActionReportingPolicy,
    DraftStrategyHandler,
    AddObjectiveHandler,
    ReviseObjectiveHandler,
    RetireObjectiveHandler,
    StrategyLifecycleHandler,
    DraftPlanHandler,
    PlanLifecycleHandler,
    AddActionHandler,
    ReviseActionHandler,
    ReviseDueHandler,
    RecordProgressHandler,
    ActionLifecycleHandler,
    GetActionHandler,
    GetActionHistoryHandler,
    GetPlanAsOfHandler,
    GetPlanReturnHandler,
    GetPlanHistoryHandler,
    DefineMeasureHandler,
    RecordMeasureReadingHandler,
    GetMeasureHandler,
    GetStrategyHistoryHandler,
  ],
  exports: [CommandsModule],
})
export class PlansWriteModule {}
