import { randomUUID } from 'node:crypto';
import {
  NO_STREAM,
  streamName,
  type EventMetadata,
  type NewEvent,
  type PostgresEventStore,
} from '@due-regard/event-store';
import { parseDue, type ActionAdded, type ProgressRecorded } from '@due-regard/plans';

/** Events as the deciders write them, made directly so that large councils can be written fast. */
export function metadata(tenantId: string): EventMetadata {
  return {
    tenantId,
    actorId: 'bench-subject',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date().toISOString(),
    source: 'api',
  };
}

const STATUSES = ['not-started', 'in-progress', 'ongoing', 'deferred'] as const;
const RAGS = ['red', 'amber', 'green'] as const;
const DUES = ['June 2025', 'Q3 2024', 'Ongoing', 'Annual – April 2025', 'Sept 2024 and Sept 2025', 'March 2026'];

export function actionAdded(
  tenantId: string,
  planId: string,
  actionId: string,
  ref: string,
  objectiveId: string,
): NewEvent {
  const data: ActionAdded['data'] = {
    actionId,
    planId,
    ref,
    objectiveId,
    title: `Action ${ref}: review the equality impact assessments of the service`,
    description: 'Equality Working Group to act as a critical friend to services',
    due: parseDue(DUES[Number(ref.replace(/\D/g, '')) % DUES.length] ?? 'Ongoing'),
    successMeasures: ['Minimum of two Equality Impact Assessments reviewed annually'],
    leads: ['Equality Working Group', 'Human Resources'],
    protectedCharacteristics: ['disability', 'race'],
  };
  return { type: 'ActionAdded', data, metadata: metadata(tenantId) };
}

export function progressRecorded(tenantId: string, planId: string, actionId: string, n: number): NewEvent {
  const day = String((n % 28) + 1).padStart(2, '0');
  const data: ProgressRecorded['data'] = {
    actionId,
    planId,
    status: STATUSES[n % STATUSES.length] ?? 'in-progress',
    rag: RAGS[n % RAGS.length] ?? 'green',
    narrative: `Progress to date ${n}: the working group met and reviewed the assessments due this quarter.`,
    asOf: `${2024 + Math.floor(n / 336)}-${String((Math.floor(n / 28) % 12) + 1).padStart(2, '0')}-${day}`,
    previousStatus: STATUSES[(n + STATUSES.length - 1) % STATUSES.length] ?? 'in-progress',
  };
  return { type: 'ProgressRecorded', data, metadata: metadata(tenantId) };
}

/** A strategy with three objectives and a plan under it; the objective ids. */
export async function strategyAndPlan(
  store: PostgresEventStore,
  tenantId: string,
  strategyId: string,
  planId: string,
): Promise<string[]> {
  const objectiveIds = [randomUUID(), randomUUID(), randomUUID()];
  await store.append(
    streamName('strategy', tenantId, strategyId),
    [
      {
        type: 'StrategyDrafted',
        data: { strategyId, title: 'Equality strategy 2024-2028', period: { from: '2024-04-01', to: '2028-03-31' } },
        metadata: metadata(tenantId),
      },
      ...objectiveIds.map((objectiveId, index) => ({
        type: 'ObjectiveAdded',
        data: {
          strategyId,
          objectiveId,
          ref: `PEO ${index + 1}`,
          title: `Priority equality objective ${index + 1}`,
          description: null,
          psedAims: ['eliminate-discrimination'],
          eflgModules: [],
          group: null,
        },
        metadata: metadata(tenantId),
      })),
    ],
    NO_STREAM,
  );
  await store.append(
    streamName('plan', tenantId, planId),
    [
      {
        type: 'ActionPlanDrafted',
        data: { planId, strategyId, title: 'Action plan 2024-2026', period: { from: '2024-04-01', to: '2026-03-31' } },
        metadata: metadata(tenantId),
      },
    ],
    NO_STREAM,
  );
  return objectiveIds;
}
