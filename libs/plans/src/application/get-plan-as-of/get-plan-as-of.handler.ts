import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, loadState, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { ACTION_STATUSES, actionDecider, type ActionStatus } from '../../domain/action.js';
import { RAG_RATINGS, type Rag } from '../../domain/rag.js';
import { strategyDecider } from '../../domain/strategy.js';
import { actionAsOf } from '../get-action/action-view.js';
import { planStreams } from '../shared/streams.js';
import type { ActionAsOf, PlanAsOf, StrategyAsOf } from './get-plan-as-of.view.js';
import { GetPlanAsOfQuery } from './get-plan-as-of.query.js';

function counted<Key extends string>(keys: readonly Key[], of: readonly Key[]): Record<Key, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
  for (const key of of) counts[key] += 1;
  return counts;
}

@QueryHandler(GetPlanAsOfQuery)
export class GetPlanAsOfHandler implements IQueryHandler<GetPlanAsOfQuery, PlanAsOf> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
  ) {}

  async execute({ planId, asOf }: GetPlanAsOfQuery): Promise<PlanAsOf> {
    const council = this.context.councilSlug();
    const { state: plan, version } = await loadState(
      this.store,
      planStreams.plan(council, planId),
      actionPlanDecider,
      asOf,
    );
    if (plan.status === 'none') throw new NotFound(`Action plan ${planId} did not exist at ${asOf.toISOString()}`);

    const [strategy, ...actions] = await Promise.all([
      this.strategyAsOf(council, plan.strategyId, asOf),
      ...plan.actions.map((registered) => this.actionAsOf(council, registered.actionId, asOf)),
    ]);
    // A reference reserved whose action was never recorded (the add failed half-way) is not an action.
    const present = actions.filter((action): action is ActionAsOf => action !== null);
    return {
      asOf: asOf.toISOString(),
      plan: {
        planId: plan.planId,
        strategyId: plan.strategyId,
        title: plan.title,
        period: plan.period,
        status: plan.status,
        approvedOn: plan.approvedOn,
        publishedOn: plan.publishedOn,
        closedOn: plan.closedOn,
        version,
      },
      strategy: strategy ?? null,
      actions: present,
      summary: {
        actions: present.length,
        byStatus: counted<ActionStatus>(
          ACTION_STATUSES,
          present.map((action) => action.status),
        ),
        byRag: counted<Rag>(
          RAG_RATINGS,
          present.map((action) => action.rag),
        ),
      },
    };
  }

  private async strategyAsOf(council: string, strategyId: string, asOf: Date): Promise<StrategyAsOf | null> {
    const { state, version } = await loadState(
      this.store,
      planStreams.strategy(council, strategyId),
      strategyDecider,
      asOf,
    );
    if (state.status === 'none') return null;
    return {
      strategyId: state.strategyId,
      title: state.title,
      status: state.status,
      period: state.period,
      objectives: state.objectives.map(({ objectiveId, ref, title, retired }) => ({
        objectiveId,
        ref,
        title,
        retired,
      })),
      version,
    };
  }

  private async actionAsOf(council: string, actionId: string, asOf: Date): Promise<ActionAsOf | null> {
    const { state, version } = await loadState(this.store, planStreams.action(council, actionId), actionDecider, asOf);
    return state.status === 'none' ? null : actionAsOf(state, version);
  }
}
