import { z } from 'zod';
import { historyEntrySchema, type HistoryEntry } from '../shared/views.js';

/** What `GET /api/v1/plans/{planId}/actions/{actionId}/history` answers: every event of the action's stream. */
export interface ActionHistory {
  readonly id: string;
  readonly planId: string;
  readonly version: number;
  /** Oldest first. */
  readonly events: readonly HistoryEntry[];
}

export const actionHistorySchema: z.ZodType<ActionHistory> = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  version: z.int(),
  events: z.array(historyEntrySchema).describe('Oldest first'),
});
