import { z } from 'zod';
import { writeResultSchema, type CommandResult } from '../shared/command-result.js';

/** What adding an objective answers: the command result (the new objective's id, the strategy's version) and its strategy. */
export interface ObjectiveAddedResult extends CommandResult {
  readonly strategyId: string;
}

export const objectiveAddedSchema = writeResultSchema.extend({
  id: z.uuid().describe('The new objective'),
  strategyId: z.uuid(),
}) satisfies z.ZodType<ObjectiveAddedResult>;
