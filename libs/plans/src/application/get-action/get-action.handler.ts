import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { planStreams } from '../shared/streams.js';
import type { ActionDetail } from './get-action.view.js';
import { actionDetail, foldAction } from './action-view.js';
import { GetActionQuery } from './get-action.query.js';

/**
 * Reads the action's stream (up to `asOf` when given: what `loadState(..., asOf)` reads) and folds
 * it once, for the state and for the dated record beside it.
 */
@QueryHandler(GetActionQuery)
export class GetActionHandler implements IQueryHandler<GetActionQuery, ActionDetail> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
  ) {}

  async execute({ planId, actionId, asOf }: GetActionQuery): Promise<ActionDetail> {
    const stream = planStreams.action(this.context.councilSlug(), actionId);
    const events = await this.store.readStream(stream, asOf === null ? {} : { toInstant: asOf });
    const folded = foldAction(events);
    if (folded === null || folded.state.planId !== planId) {
      throw new NotFound(
        asOf === null
          ? `Action plan ${planId} has no action ${actionId}`
          : `Action plan ${planId} had no action ${actionId} at ${asOf.toISOString()}`,
      );
    }
    return actionDetail(folded, asOf);
  }
}
