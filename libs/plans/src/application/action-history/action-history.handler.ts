import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, loadState, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { actionDecider, type ActionState } from '../../domain/action.js';
import { strategyDecider } from '../../domain/strategy.js';
import { asDomainEvent, historyEntryOf } from '../shared/recorded.js';
import { planStreams } from '../shared/streams.js';
import type { HistoryEntry } from '../shared/views.js';
import type { ActionHistory } from './action-history.view.js';
import { GetActionHistoryQuery } from './action-history.query.js';
import { objectiveName, summariseActionEvent, type ObjectiveLabel } from './history-summaries.js';

@QueryHandler(GetActionHistoryQuery)
export class GetActionHistoryHandler implements IQueryHandler<GetActionHistoryQuery, ActionHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
  ) {}

  async execute({ planId, actionId }: GetActionHistoryQuery): Promise<ActionHistory> {
    const council = this.context.councilSlug();
    const recorded = await this.store.readStream(planStreams.action(council, actionId));
    const first = recorded[0];
    if (first === undefined || first.data['planId'] !== planId) {
      throw new NotFound(`Action plan ${planId} has no action ${actionId}`);
    }
    const label = await this.objectiveLabels(council, planId);
    let state: ActionState = actionDecider.initialState();
    const events: HistoryEntry[] = recorded.map((entry) => {
      const event = asDomainEvent(actionDecider, entry);
      const summary = summariseActionEvent(event, state, label);
      state = actionDecider.evolve(state, event);
      return historyEntryOf(entry, summary);
    });
    return { id: actionId, planId, version: recorded.at(-1)?.streamVersion ?? 0, events };
  }

  /** Objectives are named by their current reference and title; one no longer known by its id. */
  private async objectiveLabels(council: string, planId: string): Promise<ObjectiveLabel> {
    const plan = await loadState(this.store, planStreams.plan(council, planId), actionPlanDecider);
    if (plan.state.status === 'none') return (objectiveId) => `objective ${objectiveId}`;
    const strategy = await loadState(this.store, planStreams.strategy(council, plan.state.strategyId), strategyDecider);
    const names = new Map(
      strategy.state.status === 'none'
        ? []
        : strategy.state.objectives.map((objective) => [objective.objectiveId, objectiveName(objective)] as const),
    );
    return (objectiveId) => names.get(objectiveId) ?? `objective ${objectiveId}`;
  }
}
