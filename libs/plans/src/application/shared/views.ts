import { z } from 'zod';
import { ACTION_PLAN_STATUSES, type ActionPlanStatus } from '../../domain/action-plan.js';
import { ACTION_STATUSES, type ActionStatus } from '../../domain/action.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { DUE_KINDS, RECURRENCE_FREQUENCIES, type Due } from '../../domain/due.js';
import { CHARACTERISTICS_CONCERNED, type CharacteristicConcerned } from '../../domain/equality-reference.js';
import type { Period } from '../../domain/period.js';
import { RAG_RATINGS, type Rag } from '../../domain/rag.js';
import { STRATEGY_STATUSES, type StrategyStatus } from '../../domain/strategy.js';

// What the write side answers when asked to read: plain JSON, rebuilt from events. Each type has
// a zod schema beside it for the OpenAPI document, checked against the type by the compiler.

/** A due as written, the schedule read from it, and that schedule in plain English. */
export type DueView = Due & {
  /** "July 2024 to September 2024" for "Q3 2024"; the text itself when it could not be read. */
  readonly rendered: string;
  /** The last deadline of one-off work; null for recurring, ongoing and unread dues. */
  readonly finalDate: CalendarDate | null;
};

/** One entry in an action's dated record: progress reported, or completion, deferral or cancellation. */
export interface ProgressEntry {
  readonly kind: 'progress' | 'completed' | 'deferred' | 'cancelled';
  readonly status: ActionStatus;
  readonly rag: Rag;
  /** "Progress to date" in the lead's words, or the reason for a deferral or cancellation. */
  readonly narrative: string | null;
  /** The date it reports as of. */
  readonly asOf: CalendarDate;
  /** When it was recorded (ISO instant) and by whom (pseudonymous subject id). */
  readonly recordedAt: string;
  readonly actorId: string;
  /** The action's version this entry made. */
  readonly version: number;
}

/** "Date revised to May 2018": every revision of the due, with the one it replaced and why. */
export interface DueRevision {
  readonly previous: DueView;
  readonly due: DueView;
  readonly reason: string;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly version: number;
}

/** An action as its stream tells it, now or as of an instant. */
export interface ActionDetail {
  readonly id: string;
  readonly planId: string;
  readonly ref: string | null;
  readonly objectiveId: string;
  readonly title: string;
  readonly description: string | null;
  readonly due: DueView;
  readonly dueRevisions: readonly DueRevision[];
  /** How success will be measured, as the plan writes it. */
  readonly successMeasures: readonly string[];
  /** Teams, not people. */
  readonly leads: readonly string[];
  readonly protectedCharacteristics: readonly CharacteristicConcerned[];
  readonly status: ActionStatus;
  /** Why it is deferred or cancelled, while it is. */
  readonly statusReason: string | null;
  readonly rag: Rag;
  /** Oldest first. */
  readonly progress: readonly ProgressEntry[];
  /** The stream version: the ETag. */
  readonly version: number;
  /** When the last change was recorded. */
  readonly updatedAt: string;
  /** The instant asked for with `?asOf=`, or null for the current state. */
  readonly asOf: string | null;
}

export const dueSchema = z.object({
  text: z.string().nullable().describe('As written'),
  kind: z.enum(DUE_KINDS),
  dates: z.array(z.iso.date()).describe('Every date the text names, ascending; a month means its last day'),
  range: z.object({ from: z.iso.date(), to: z.iso.date() }).nullable(),
  frequency: z.enum(RECURRENCE_FREQUENCIES).nullable(),
});

export const dueViewSchema: z.ZodType<DueView> = dueSchema.extend({
  rendered: z.string().describe('The schedule in plain English'),
  finalDate: z.iso.date().nullable().describe('The last deadline of one-off work; null otherwise'),
});

const progressEntrySchema: z.ZodType<ProgressEntry> = z.object({
  kind: z.enum(['progress', 'completed', 'deferred', 'cancelled']),
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAG_RATINGS),
  narrative: z.string().nullable(),
  asOf: z.iso.date(),
  recordedAt: z.iso.datetime(),
  actorId: z.string().describe('Pseudonymous subject id'),
  version: z.int(),
});

const dueRevisionSchema: z.ZodType<DueRevision> = z.object({
  previous: dueViewSchema,
  due: dueViewSchema,
  reason: z.string(),
  recordedAt: z.iso.datetime(),
  actorId: z.string(),
  version: z.int(),
});

export const actionDetailSchema: z.ZodType<ActionDetail> = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  ref: z.string().nullable(),
  objectiveId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  due: dueViewSchema,
  dueRevisions: z.array(dueRevisionSchema),
  successMeasures: z.array(z.string()),
  leads: z.array(z.string()),
  protectedCharacteristics: z.array(z.enum(CHARACTERISTICS_CONCERNED)),
  status: z.enum(ACTION_STATUSES),
  statusReason: z.string().nullable(),
  rag: z.enum(RAG_RATINGS),
  progress: z.array(progressEntrySchema).describe('Oldest first'),
  version: z.int().describe('The stream version, also the ETag'),
  updatedAt: z.iso.datetime(),
  asOf: z.iso.datetime().nullable(),
});

/** One event of a stream, for people: what happened, when, by whom. */
export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  /** When it was recorded (ISO instant): what `?asOf=` compares with. */
  readonly time: string;
  /** When it happened, as the writer said. */
  readonly occurredAt: string;
  /** Pseudonymous subject id; never a name. */
  readonly actorId: string;
  readonly source: string;
  readonly correlationId: string;
  readonly schemaVersion: number;
  readonly summary: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ActionHistory {
  readonly id: string;
  readonly planId: string;
  readonly version: number;
  /** Oldest first. */
  readonly events: readonly HistoryEntry[];
}

const historyEntrySchema: z.ZodType<HistoryEntry> = z.object({
  version: z.int(),
  type: z.string().describe('e.g. ProgressRecorded'),
  time: z.iso.datetime().describe('When it was recorded'),
  occurredAt: z.iso.datetime(),
  actorId: z.string().describe('Pseudonymous subject id'),
  source: z.string().describe('ui, api, import, job or system'),
  correlationId: z.string(),
  schemaVersion: z.int(),
  summary: z.string().describe('What changed, in words'),
  data: z.record(z.string(), z.unknown()).describe('The event as recorded (after upcasting)'),
});

export const actionHistorySchema: z.ZodType<ActionHistory> = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  version: z.int(),
  events: z.array(historyEntrySchema).describe('Oldest first'),
});

/** A plan's own stream: its lifecycle, and each action it registered (the actions' changes are in their own histories). */
export interface PlanHistory {
  readonly id: string;
  readonly version: number;
  /** Oldest first. */
  readonly events: readonly HistoryEntry[];
}

export const planHistorySchema: z.ZodType<PlanHistory> = z.object({
  id: z.uuid(),
  version: z.int(),
  events: z.array(historyEntrySchema).describe('Oldest first'),
});

// The plan as of an instant ---------------------------------------------------------------------

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
