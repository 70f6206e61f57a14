import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandSession, type Handled, type Loaded } from '@due-regard/commands';
import type { IdGenerator } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CLOCK, NotFound, type Clock, type Decider, type DomainEvent } from '@due-regard/shared-kernel';
import { actionPlanDecider, type ActionPlan } from '../../domain/action-plan.js';
import { actionDecider, type Action, type ActionEvent } from '../../domain/action.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { strategyDecider, type Strategy, type StrategyEvent, type StrategyState } from '../../domain/strategy.js';
import { ukCalendarDate } from './dates.js';
import { PLAN_IDS } from './ids.js';
import { planStreams } from './streams.js';
import type { ActionChangedResult, CommandResult } from './command-result.js';

/**
 * What the plans command handlers share, over the one write path (`CommandRunner`): the council of
 * the request (never the body), the clock, the id port, and loading strategies, plans and actions
 * through the command's session. Handlers stay thin: load, decide, record.
 */
@Injectable()
export class PlanWriter {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLAN_IDS) private readonly ids: IdGenerator,
  ) {}

  /** Runs a plans command: everything it records is appended at once, or nothing is. */
  run<Result extends object>(decide: (session: CommandSession) => Promise<Result>): Promise<Handled<Result>> {
    return this.runner.run(decide);
  }

  councilSlug(): string {
    return this.context.councilSlug();
  }

  newId(): string {
    return this.ids.next();
  }

  today(): CalendarDate {
    return ukCalendarDate(this.clock.now());
  }

  /**
   * Loads one stream (checking the client's If-Match), lets `decide` look at the state (to
   * authorise, to fill in what the client left out) and decide, and records what it decided.
   * Returns the stream's version after the change; a decision of nothing leaves it as it was.
   */
  async change<Command, Event extends DomainEvent, State>(
    session: CommandSession,
    streamId: string,
    decider: Decider<Command, Event, State>,
    ifMatch: number | undefined,
    decide: (state: State) => readonly Event[] | Promise<readonly Event[]>,
  ): Promise<number> {
    const { state } = await session.load(streamId, decider, { ifMatch });
    return session.record(streamId, await decide(state));
  }

  /** A command on one strategy's stream: what it answers is the strategy and its new version. */
  changeStrategy(
    strategyId: string,
    ifMatch: number | undefined,
    decide: (state: StrategyState) => readonly StrategyEvent[],
  ): Promise<CommandResult> {
    return this.run(async (session) => ({
      id: strategyId,
      version: await this.change(session, this.strategyStream(strategyId), strategyDecider, ifMatch, decide),
    }));
  }

  /**
   * A command on one action of a plan: the plan is read for its status, the action is found only
   * under that plan, and `decide` sees both. What it answers is the action and its new version.
   */
  changeAction(
    planId: string,
    actionId: string,
    ifMatch: number | undefined,
    decide: (
      action: Action,
      plan: ActionPlan,
      session: CommandSession,
    ) => readonly ActionEvent[] | Promise<readonly ActionEvent[]>,
  ): Promise<ActionChangedResult> {
    return this.run(async (session) => {
      const plan = await this.plan(session, planId);
      const version = await this.change(session, this.actionStream(actionId), actionDecider, ifMatch, (state) =>
        decide(this.assertActionOfPlan(state, planId, actionId), plan.state, session),
      );
      return { id: actionId, planId, version };
    });
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

  async strategy(session: CommandSession, strategyId: string): Promise<Loaded<Strategy> | null> {
    const { state, version } = await session.load(this.strategyStream(strategyId), strategyDecider);
    return state.status === 'none' ? null : { state, version };
  }

  async plan(session: CommandSession, planId: string, ifMatch?: number): Promise<Loaded<ActionPlan>> {
    const { state, version } = await session.load(this.planStream(planId), actionPlanDecider, { ifMatch });
    if (state.status === 'none') throw new NotFound(`There is no action plan ${planId}`);
    return { state, version };
  }

  /** The plan's strategy's objectives still in force; none when the strategy cannot be read. */
  async activeObjectiveIds(session: CommandSession, strategyId: string): Promise<string[]> {
    const strategy = await this.strategy(session, strategyId);
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

  async action(session: CommandSession, planId: string, actionId: string): Promise<Loaded<Action>> {
    const { state, version } = await session.load(this.actionStream(actionId), actionDecider);
    return { state: this.assertActionOfPlan(state, planId, actionId), version };
  }
}
