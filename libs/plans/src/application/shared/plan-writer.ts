import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, loadState, type EventMetadata, type EventStore, type IdGenerator } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CLOCK, NotFound, type Clock, type Decider, type DomainEvent } from '@due-regard/shared-kernel';
import { actionPlanDecider, type ActionPlan } from '../../domain/action-plan.js';
import { actionDecider, type Action } from '../../domain/action.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { strategyDecider, type Strategy } from '../../domain/strategy.js';
import { ukCalendarDate } from './dates.js';
import { PLAN_IDS } from './ids.js';
import { planStreams } from './streams.js';
import { changeStream, type WriteResult, type Written } from './write.js';

/** What a command answers: the id it acted on, and the stream's new version and position. */
export interface CommandResult extends WriteResult {
  readonly id: string;
}

export interface Loaded<State> {
  readonly state: State;
  readonly version: number;
}

/**
 * What the plans command handlers share: the event store, the council and actor of the request
 * (never the body), the clock and the id port. Handlers stay thin: load, decide, append.
 */
@Injectable()
export class PlanWriter {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLAN_IDS) private readonly ids: IdGenerator,
  ) {}

  councilSlug(): string {
    return this.context.councilSlug();
  }

  newId(): string {
    return this.ids.next();
  }

  today(): CalendarDate {
    return ukCalendarDate(this.clock.now());
  }

  /** Tenant, actor, correlation and source from the request context; the time from the clock. */
  metadata(causationId: string | null = null): EventMetadata {
    return this.context.eventMetadata(this.clock.now(), causationId);
  }

  change<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    ifMatch: number | undefined,
    decide: (state: State) => readonly Event[] | Promise<readonly Event[]>,
  ): Promise<Written> {
    return changeStream(this.store, streamId, decider, this.metadata(), ifMatch, decide);
  }

  strategyStream(strategyId: string): string {
    return planStreams.strategy(this.councilSlug(), strategyId);
  }

  planStream(planId: string): string {
    return planStreams.plan(this.councilSlug(), planId);
  }

  actionStream(actionId: string): string {
    return planStreams.action(this.councilSlug(), actionId);
  }

  async strategy(strategyId: string, asOf?: Date): Promise<Loaded<Strategy> | null> {
    const { state, version } = await loadState(this.store, this.strategyStream(strategyId), strategyDecider, asOf);
    return state.status === 'none' ? null : { state, version };
  }

  async plan(planId: string, asOf?: Date): Promise<Loaded<ActionPlan>> {
    const { state, version } = await loadState(this.store, this.planStream(planId), actionPlanDecider, asOf);
    if (state.status === 'none') throw new NotFound(`There is no action plan ${planId}`);
    return { state, version };
  }

  /** The plan's strategy's objectives still in force; none when the strategy cannot be read. */
  async activeObjectiveIds(strategyId: string): Promise<string[]> {
    const strategy = await this.strategy(strategyId);
    return strategy === null
      ? []
      : strategy.state.objectives.filter((objective) => !objective.retired).map((objective) => objective.objectiveId);
  }

  /** An action is found only under its own plan: another plan's id in the path is a 404. */
  assertActionOfPlan(state: Action | { readonly status: 'none' }, planId: string, actionId: string): Action {
    if (state.status === 'none' || state.planId !== planId) {
      throw new NotFound(`Action plan ${planId} has no action ${actionId}`);
    }
    return state;
  }

  async action(planId: string, actionId: string, asOf?: Date): Promise<Loaded<Action>> {
    const { state, version } = await loadState(this.store, this.actionStream(actionId), actionDecider, asOf);
    return { state: this.assertActionOfPlan(state, planId, actionId), version };
  }
}
