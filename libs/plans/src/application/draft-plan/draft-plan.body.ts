import { z } from 'zod';
import { periodSchema, titleText } from '../shared/schemas.js';

/** A new action plan under a strategy: what `POST /api/v1/plans` and the web's draft-plan form take. */
export const draftPlanBody = z.strictObject({
  strategyId: z.uuid("Choose one of the council's strategies"),
  title: titleText('Enter the title of the action plan').describe('e.g. "Equality Strategy Action Plan 2024-2026"'),
  period: periodSchema.describe("Within the strategy's period"),
});
export type DraftPlanBody = z.output<typeof draftPlanBody>;
