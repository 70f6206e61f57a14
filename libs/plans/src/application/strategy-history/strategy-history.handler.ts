import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { strategyDecider, type StrategyState } from '../../domain/strategy.js';
import { asDomainEvent, historyEntryOf } from '../shared/recorded.js';
import { planStreams } from '../shared/streams.js';
import type { StrategyHistory } from './strategy-history.view.js';
import { summariseStrategyEvent } from './strategy-history-summaries.js';
import { GetStrategyHistoryQuery } from './strategy-history.query.js';

@QueryHandler(GetStrategyHistoryQuery)
export class GetStrategyHistoryHandler implements IQueryHandler<GetStrategyHistoryQuery, StrategyHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
  ) {}

  async execute({ strategyId }: GetStrategyHistoryQuery): Promise<StrategyHistory> {
    const recorded = await this.store.readStream(planStreams.strategy(this.context.councilSlug(), strategyId));
    if (recorded.length === 0) throw new NotFound(`There is no strategy ${strategyId}`);
    let state: StrategyState = strategyDecider.initialState();
    const events = recorded.map((entry) => {
      const event = asDomainEvent(strategyDecider, entry);
      const summary = summariseStrategyEvent(event, state);
      state = strategyDecider.evolve(state, event);
      const objectiveId = 'objectiveId' in event.data ? event.data.objectiveId : null;
      return { ...historyEntryOf(entry, summary), objectiveId };
    });
    return { id: strategyId, version: recorded.at(-1)?.streamVersion ?? 0, events };
  }
}
