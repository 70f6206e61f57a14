import { z } from 'zod';
import { ACTION_STATUSES } from '../../domain/action.js';
import { RAG_RATINGS } from '../../domain/rag.js';
import { calendarDate, longText } from '../shared/schemas.js';

/** Progress on an action: what `POST /api/v1/plans/{planId}/actions/{actionId}/progress` and the web's form take. */
export const recordProgressBody = z.strictObject({
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAG_RATINGS).optional().describe('Left out: the action keeps its current rating'),
  narrative: longText.min(1, 'Describe the progress made').describe('"Progress to date", in your words'),
  asOf: calendarDate
    .optional()
    .describe('The date the progress is reported as of; today if left out. Not before the latest update.'),
});
export type RecordProgressBody = z.output<typeof recordProgressBody>;
