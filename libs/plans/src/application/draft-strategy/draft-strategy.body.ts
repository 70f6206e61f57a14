import { z } from 'zod';
import { periodSchema, titleText } from '../shared/schemas.js';

/** A new strategy: what `POST /api/v1/strategies` takes. */
export const draftStrategyBody = z.strictObject({
  title: titleText('Enter the title of the strategy').describe('e.g. "Equality Strategy 2024-2028"'),
  period: periodSchema,
});
export type DraftStrategyBody = z.output<typeof draftStrategyBody>;
