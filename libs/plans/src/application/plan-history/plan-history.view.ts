import { z } from 'zod';
import { historyEntrySchema, type HistoryEntry } from '../shared/views.js';

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
