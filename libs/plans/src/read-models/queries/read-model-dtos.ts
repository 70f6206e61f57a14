import type { MeasureDirection, MeasureReading, MeasureTarget, MeasureUnit } from '../../domain/measure.js';
import { z } from 'zod';
import { ACTION_STATUSES } from '../../domain/action.js';
import { ACTION_PLAN_STATUSES } from '../../domain/action-plan.js';
import { DUE_KINDS, RECURRENCE_FREQUENCIES } from '../../domain/due.js';
import { RAG_RATINGS } from '../../domain/rag.js';
import { STRATEGY_STATUSES } from '../../domain/strategy.js';
import { planAsOfSchema } from '../../application/get-plan-as-of/get-plan-as-of.view.js';

/** What the read-model routes answer, as zod schemas: the OpenAPI document is generated from them. */
const date = z.iso.date().describe('A calendar date, e.g. 2025-03-31');
const instant = z.iso.datetime({ offset: true }).describe('An ISO 8601 instant');
const period = z.object({ from: date, to: date });
const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.int().min(0)])) as Record<K, z.ZodInt>);

export const dashboardSchema = z
  .object({
    actions: z.int().min(0),
    byStatus: counts(ACTION_STATUSES),
    byRag: counts(RAG_RATINGS),
    overdue: z.int().min(0).describe('Due date passed, neither completed nor cancelled'),
    dueNext90Days: z.int().min(0).describe('Not completed nor cancelled, with a date of its due in the next 90 days'),
    lastUpdate: z.object({
      progressOn: date.nullable().describe('Date of the latest progress, completion, deferral or cancellation'),
      changedAt: instant.nullable().describe('When any of these actions last changed'),
    }),
  })
  .describe('Dashboard figures, as of `today` (UK date)');

export const objectiveSchema = z.object({
  id: z.string(),
  ref: z.string().nullable().describe('"PEO 1", or null'),
  title: z.string(),
  description: z.string().nullable(),
  psedAims: z.array(z.string()),
  eflgModules: z.array(z.string()),
  group: z.object({ kind: z.string(), title: z.string() }).nullable(),
  retired: z.boolean(),
});

const strategySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  period,
  status: z.enum(STRATEGY_STATUSES),
  adoptedOn: date.nullable(),
  publishedOn: date.nullable(),
  archivedOn: date.nullable(),
  version: z.int().describe("The strategy stream's version (its ETag)"),
  changedAt: instant,
});

export const strategyListSchema = z.object({
  strategies: z.array(strategySummarySchema.extend({ objectives: z.int().describe('Objectives in force') })),
});
export type StrategyListDto = z.infer<typeof strategyListSchema>;

export const strategyDetailSchema = strategySummarySchema.extend({
  objectives: z.array(objectiveSchema).describe('In the order they were added, retired ones included'),
  groups: z
    .array(z.object({ kind: z.string(), title: z.string(), objectiveIds: z.array(z.string()) }))
    .describe('What objectives in force are grouped under (pillars, priorities, PSED aims)'),
});
export type StrategyDetailDto = z.infer<typeof strategyDetailSchema>;

const planSummarySchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  title: z.string(),
  period,
  status: z.enum(ACTION_PLAN_STATUSES),
  approvedOn: date.nullable(),
  publishedOn: date.nullable(),
  closedOn: date.nullable(),
  version: z.int().describe("The plan stream's version (its ETag)"),
  changedAt: instant,
});

export const planListSchema = z.object({
  plans: z.array(planSummarySchema.extend({ actions: z.int().describe('Actions registered in the plan') })),
});
export type PlanListDto = z.infer<typeof planListSchema>;

export const actionSummarySchema = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  title: z.string(),
  objectiveId: z.string(),
  objectiveRef: z.string().nullable(),
  due: z.object({
    text: z.string().nullable().describe('As the council wrote it'),
    kind: z.enum(DUE_KINDS),
    dates: z.array(date),
    final: date.nullable().describe('After this date an unfinished action is overdue'),
    frequency: z.enum(RECURRENCE_FREQUENCIES).nullable(),
  }),
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAG_RATINGS),
  statusReason: z.string().nullable(),
  leads: z.array(z.string()),
  protectedCharacteristics: z.array(z.string()),
  lastUpdate: z.object({ on: date.nullable(), narrative: z.string().nullable(), changedAt: instant }),
  overdue: z.boolean(),
  dueNext90Days: z.boolean(),
  version: z.int().describe("The action stream's version"),
});
export type ActionSummaryDto = z.infer<typeof actionSummarySchema>;
export type ObjectiveDto = z.infer<typeof objectiveSchema>;

export const planDetailSchema = planSummarySchema.extend({
  strategy: z.object({ id: z.string(), title: z.string(), status: z.enum(STRATEGY_STATUSES) }).nullable(),
  today: date.describe('The UK date the dashboard figures are computed for'),
  dashboard: dashboardSchema,
  objectives: z.array(objectiveSchema.extend({ dashboard: dashboardSchema })),
  actions: z.array(actionSummarySchema).describe('In the order they were added; filtered when filters are given'),
  filters: z.object({
    objectiveId: z.string().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    rag: z.enum(RAG_RATINGS).optional(),
    lead: z.string().optional(),
    overdue: z.boolean().optional(),
  }),
});
export type PlanDetailDto = z.infer<typeof planDetailSchema>;

/** `GET /api/v1/plans/{planId}`: the plan from the read model, or with `asOf` as it stood then (rebuilt from its events). */
export const planNowOrAsOfSchema = z.union([planDetailSchema, planAsOfSchema]);

/** An action that changed lately, with its plan: a dashboard's recent changes. */
export interface RecentActionChangeDto {
  readonly planId: string;
  readonly planTitle: string;
  readonly actionId: string;
  readonly ref: string | null;
  readonly title: string;
  readonly status: (typeof ACTION_STATUSES)[number];
  readonly rag: (typeof RAG_RATINGS)[number];
  readonly latestUpdateOn: string | null;
  readonly latestNarrative: string | null;
  /** When the action last changed (an ISO instant). */
  readonly changedAt: string;
}

export const openApi = (schema: z.ZodType): object => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' });

/** A measure of an action or an objective as lists show it: its target, latest reading and the RAG it earns. */
export interface MeasureSummaryDto {
  readonly id: string;
  readonly subject: { readonly kind: 'action' | 'objective'; readonly id: string; readonly parentId: string };
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly direction: MeasureDirection;
  readonly target: MeasureTarget | null;
  readonly latestReading: MeasureReading | null;
  readonly readings: number;
  readonly rag: (typeof RAG_RATINGS)[number];
  readonly status: 'active' | 'retired';
}
