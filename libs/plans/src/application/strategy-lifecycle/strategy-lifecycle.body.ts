import { z } from 'zod';
import { calendarDate, longText } from '../shared/schemas.js';

// What each step of a strategy's life takes (`POST /api/v1/strategies/{strategyId}/<step>`).

export const adoptStrategyBody = z.strictObject({
  adoptedOn: calendarDate.optional().describe('When cabinet or council adopted it; today if left out'),
});
export type AdoptStrategyBody = z.output<typeof adoptStrategyBody>;

export const publishStrategyBody = z.strictObject({
  publishedOn: calendarDate.optional().describe('Today if left out'),
});
export type PublishStrategyBody = z.output<typeof publishStrategyBody>;

export const archiveStrategyBody = z.strictObject({
  archivedOn: calendarDate.optional().describe('Today if left out'),
  reason: longText.nullable().optional(),
});
export type ArchiveStrategyBody = z.output<typeof archiveStrategyBody>;
