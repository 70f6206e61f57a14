import { z } from 'zod';
import { calendarDate, longText } from '../shared/schemas.js';

// What completing, deferring and cancelling an action take (`POST .../actions/{actionId}/<step>`).

export const completeActionBody = z.strictObject({
  completedOn: calendarDate.optional().describe('Today if left out'),
  narrative: longText.nullable().optional(),
});
export type CompleteActionBody = z.output<typeof completeActionBody>;

export const deferActionBody = z.strictObject({
  deferredOn: calendarDate.optional().describe('Today if left out'),
  reason: longText.min(1, 'Say why the action is deferred'),
});
export type DeferActionBody = z.output<typeof deferActionBody>;

export const cancelActionBody = z.strictObject({
  cancelledOn: calendarDate.optional().describe('Today if left out'),
  reason: longText.min(1, 'Say why the action is cancelled'),
});
export type CancelActionBody = z.output<typeof cancelActionBody>;
