import { z } from 'zod';
import type { Due } from '../../domain/due.js';
import { writeResultSchema, type CommandResult } from '../shared/command-result.js';
import { dueSchema } from '../shared/views.js';

/** What adding an action answers: the command result, the plan's version after reserving the reference, and how the due was read. */
export interface ActionAddedResult extends CommandResult {
  readonly planId: string;
  /** The plan's version after reserving the action's reference. */
  readonly planVersion: number;
  /** How the due was read. */
  readonly due: Due;
}

export const actionAddedSchema = writeResultSchema.extend({
  id: z.uuid().describe('The new action'),
  planId: z.uuid(),
  planVersion: z.int().describe("The plan's version after reserving the action's reference"),
  due: dueSchema,
}) satisfies z.ZodType<ActionAddedResult>;
