import { z } from 'zod';
import { historyEntrySchema, type HistoryEntry } from '../shared/views.js';

/** A strategy's stream: its lifecycle and every change to its objectives, each with the objective it is about. */
export interface StrategyHistory {
  readonly id: string;
  readonly version: number;
  /** Oldest first. */
  readonly events: readonly (HistoryEntry & { readonly objectiveId: string | null })[];
}

export const strategyHistorySchema: z.ZodType<StrategyHistory> = z.object({
  id: z.uuid(),
  version: z.int(),
  events: z
    .array(
      historyEntrySchema.and(
        z.object({ objectiveId: z.string().nullable().describe('The objective the change is about, if any') }),
      ),
    )
    .describe('Oldest first'),
});
