import { z } from 'zod';
import { writeResultSchema, type CommandResult } from '../shared/command-result.js';

/** What drafting a plan answers: the command result and the plan's strategy. */
export interface PlanDraftedResult extends CommandResult {
  readonly strategyId: string;
}

export const planDraftedSchema = writeResultSchema.extend({
  strategyId: z.uuid(),
}) satisfies z.ZodType<PlanDraftedResult>;
