import { z } from 'zod';
import { ACTION_PLAN_STATUSES, type ActionPlanStatus } from '../../domain/action-plan.js';
import { ACTION_STATUSES, type ActionStatus } from '../../domain/action.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { CHARACTERISTICS_CONCERNED, type CharacteristicConcerned } from '../../domain/equality-reference.js';
import type { Period } from '../../domain/period.js';
import { RAG_RATINGS, type Rag } from '../../domain/rag.js';
import { STRATEGY_STATUSES, type StrategyStatus } from '../../domain/strategy.js';
import { dueViewSchema, type DueView } from '../shared/views.js';

// What reading a plan as of an instant answers (`GET /api/v1/plans/{planId}?asOf=`, the read
// side's plan route, dispatches `GetPlanAsOfQuery`): the type with the zod schema of the OpenAPI
// document, checked against it.

/** The strategy's objectives as they stood. */
export interface ObjectiveAsOf {
  readonly objectiveId: string;
  readonly ref: string | null;
  readonly title: string;
  readonly retired: boolean;
}

export interface StrategyAsOf {
  readonly strategyId: string;
  readonly title: string;
  readonly status: StrategyStatus;
  readonly period: Period;
  readonly objectives: readonly ObjectiveAsOf[];
  readonly version: number;
}

/** An action as it stood, without its dated record (ask the action itself for that). */
export interface ActionAsOf {
  readonly actionId: string;
  readonly ref: string | null;
  readonly objectiveId: string;
  readonly title: string;
  readonly description: string | null;
  readonly due: DueView;
  readonly successMeasures: readonly string[];
  readonly leads: readonly string[];
  readonly protectedCharacteristics: readonly CharacteristicConcerned[];
  readonly status: ActionStatus;
  readonly statusReason: string | null;
  readonly rag: Rag;
  readonly latestProgress: {
    readonly status: ActionStatus;
    readonly rag: Rag;
    readonly narrative: string;
    readonly asOf: CalendarDate;
  } | null;
  readonly version: number;
}

/**
 * What `GetPlanAsOfQuery` answers: a plan as it stood at an instant, rebuilt from the plan's,
 * its strategy's and each of its actions' events recorded up to then (never from a read model).
 * Plain JSON: dates are ISO strings.
 */
export interface PlanAsOf {
  /** The instant asked for, ISO 8601. */
  readonly asOf: string;
  readonly plan: {
    readonly planId: string;
    readonly strategyId: string;
    readonly title: string;
    readonly period: Period;
    readonly status: ActionPlanStatus;
    readonly approvedOn: CalendarDate | null;
    readonly publishedOn: CalendarDate | null;
    readonly closedOn: CalendarDate | null;
    /** The plan stream's version then: its ETag as of that instant. */
    readonly version: number;
  };
  /** Null if the strategy's stream held nothing yet (it always does for plans drafted through the API). */
  readonly strategy: StrategyAsOf | null;
  /** The plan's actions then, in the order they were added. */
  readonly actions: readonly ActionAsOf[];
  /** Counts over `actions`, every status and RAG rating named (zero when none). */
  readonly summary: {
    readonly actions: number;
    readonly byStatus: Readonly<Record<ActionStatus, number>>;
    readonly byRag: Readonly<Record<Rag, number>>;
  };
}

const countsOf = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.int()])) as Record<K, z.ZodInt>);

export const planAsOfSchema: z.ZodType<PlanAsOf> = z.object({
  asOf: z.iso.datetime(),
  plan: z.object({
    planId: z.uuid(),
    strategyId: z.uuid(),
    title: z.string(),
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    status: z.enum(ACTION_PLAN_STATUSES),
    approvedOn: z.iso.date().nullable(),
    publishedOn: z.iso.date().nullable(),
    closedOn: z.iso.date().nullable(),
    version: z.int(),
  }),
  strategy: z
    .object({
      strategyId: z.uuid(),
      title: z.string(),
      status: z.enum(STRATEGY_STATUSES),
      period: z.object({ from: z.iso.date(), to: z.iso.date() }),
      objectives: z.array(
        z.object({ objectiveId: z.string(), ref: z.string().nullable(), title: z.string(), retired: z.boolean() }),
      ),
      version: z.int(),
    })
    .nullable(),
  actions: z.array(
    z.object({
      actionId: z.uuid(),
      ref: z.string().nullable(),
      objectiveId: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      due: dueViewSchema,
      successMeasures: z.array(z.string()),
      leads: z.array(z.string()),
      protectedCharacteristics: z.array(z.enum(CHARACTERISTICS_CONCERNED)),
      status: z.enum(ACTION_STATUSES),
      statusReason: z.string().nullable(),
      rag: z.enum(RAG_RATINGS),
      latestProgress: z
        .object({
          status: z.enum(ACTION_STATUSES),
          rag: z.enum(RAG_RATINGS),
          narrative: z.string(),
          asOf: z.iso.date(),
        })
        .nullable(),
      version: z.int(),
    }),
  ),
  summary: z.object({
    actions: z.int(),
    byStatus: countsOf(ACTION_STATUSES),
    byRag: countsOf(RAG_RATINGS),
  }),
});
