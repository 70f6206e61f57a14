import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { asDomainEvent, historyEntryOf } from '../shared/recorded.js';
import { planStreams } from '../shared/streams.js';
import type { PlanHistory } from './plan-history.view.js';
import { summarisePlanEvent } from './plan-history-summaries.js';
import { GetPlanHistoryQuery } from './plan-history.query.js';

@QueryHandler(GetPlanHistoryQuery)
export class GetPlanHistoryHandler implements IQueryHandler<GetPlanHistoryQuery, PlanHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
  ) {}

  async execute({ planId }: GetPlanHistoryQuery): Promise<PlanHistory> {
    const recorded = await this.store.readStream(planStreams.plan(this.context.councilSlug(), planId));
    if (recorded.length === 0) throw new NotFound(`There is no action plan ${planId}`);
    return {
      id: planId,
      version: recorded.at(-1)?.streamVersion ?? 0,
      events: recorded.map((entry) =>
        historyEntryOf(entry, summarisePlanEvent(asDomainEvent(actionPlanDecider, entry))),
      ),
    };
  }
}
