import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { asDomainEvent } from '../shared/recorded.js';
import { planStreams } from '../shared/streams.js';
import { GetPlanReturnQuery } from './get-plan-return.query.js';
import type { PlanReturn } from './get-plan-return.view.js';

@QueryHandler(GetPlanReturnQuery)
export class GetPlanReturnHandler implements IQueryHandler<GetPlanReturnQuery, PlanReturn | null> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
  ) {}

  async execute({ planId }: GetPlanReturnQuery): Promise<PlanReturn | null> {
    const recorded = await this.store.readStream(planStreams.plan(this.context.councilSlug(), planId));
    if (recorded.length === 0) throw new NotFound(`There is no action plan ${planId}`);
    let standing: PlanReturn | null = null;
    for (const entry of recorded) {
      const event = asDomainEvent(actionPlanDecider, entry);
      if (event.type === 'ActionPlanSubmitted') standing = null;
      if (event.type === 'ActionPlanReturned') {
        standing = {
          reason: event.data.reason,
          actorId: entry.metadata.actorId,
          time: entry.recordedAt.toISOString(),
        };
      }
    }
    return standing;
  }
}
