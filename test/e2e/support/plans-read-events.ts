import { randomUUID } from 'node:crypto';
import { recordDecision } from '@due-regard/commands';
import { EVENT_STORE, streamName, type EventStore } from '@due-regard/event-store';
import {
  actionDecider,
  actionPlanDecider,
  parseDue,
  strategyDecider,
  type ActionCommand,
  type ActionPlanCommand,
  type StrategyCommand,
} from '@due-regard/plans';
import type { RunningApp } from './running-app.js';

/**
 * Writes a council's plans straight to the event store, through the deciders, the way the write
 * side's command handlers do: read-model tests then depend on nothing but the events.
 */
export class PlansEvents {
  private readonly store: EventStore;

  constructor(
    running: RunningApp,
    readonly council: string,
  ) {
    this.store = running.app.get<EventStore>(EVENT_STORE);
  }

  private metadata() {
    return {
      tenantId: this.council,
      actorId: 'e2e-subject',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
      source: 'api' as const,
    };
  }

  strategy(id: string, command: StrategyCommand): Promise<{ readonly version: number }> {
    return recordDecision(
      this.store,
      streamName('strategy', this.council, id),
      strategyDecider,
      command,
      this.metadata(),
    );
  }

  plan(id: string, command: ActionPlanCommand): Promise<{ readonly version: number }> {
    return recordDecision(
      this.store,
      streamName('plan', this.council, id),
      actionPlanDecider,
      command,
      this.metadata(),
    );
  }

  action(id: string, command: ActionCommand): Promise<{ readonly version: number }> {
    return recordDecision(this.store, streamName('action', this.council, id), actionDecider, command, this.metadata());
  }

  /** A strategy with two objectives (the first under a pillar) and a draft plan under it. */
  async strategyAndPlan(strategyId: string, planId: string, objectiveIds: readonly [string, string]): Promise<void> {
    await this.strategy(strategyId, {
      type: 'DraftStrategy',
      strategyId,
      title: 'Equality, Diversity and Inclusion Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    for (const [index, objectiveId] of objectiveIds.entries()) {
      await this.strategy(strategyId, {
        type: 'AddObjective',
        strategyId,
        objectiveId,
        ref: `PEO ${index + 1}`,
        title: index === 0 ? 'Understanding our communities' : 'A diverse workforce',
        description: null,
        psedAims: ['advance-equality-of-opportunity'],
        eflgModules: [],
        group: index === 0 ? { kind: 'pillar', title: 'Our communities' } : null,
      });
    }
    await this.plan(planId, {
      type: 'DraftActionPlan',
      planId,
      strategy: { strategyId, status: 'draft', period: { from: '2024-04-01', to: '2028-03-31' } },
      title: 'Equality action plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
  }

  async addAction(
    planId: string,
    actionId: string,
    action: { ref: string; objectiveId: string; objectiveIds: readonly string[]; due: string; leads: string[] },
  ): Promise<void> {
    await this.plan(planId, { type: 'RegisterAction', planId, actionId, ref: action.ref });
    await this.action(actionId, {
      type: 'AddAction',
      actionId,
      planId,
      planStatus: 'draft',
      ref: action.ref,
      objectiveId: action.objectiveId,
      activeObjectiveIds: action.objectiveIds,
      title: `Action ${action.ref}`,
      description: null,
      due: parseDue(action.due),
      successMeasures: [],
      leads: action.leads,
      protectedCharacteristics: [],
    });
  }

  progress(actionId: string, status: string, rag: string, asOf: string): Promise<{ readonly version: number }> {
    return this.action(actionId, {
      type: 'RecordProgress',
      actionId,
      planStatus: 'draft',
      status,
      rag,
      narrative: `Progress as of ${asOf}`,
      asOf,
    });
  }
}
