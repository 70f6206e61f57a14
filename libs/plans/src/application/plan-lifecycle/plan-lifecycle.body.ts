import { z } from 'zod';
import { calendarDate, longText } from '../shared/schemas.js';

// What each step of a plan's way to publication takes (`POST /api/v1/plans/{planId}/<step>`); the
// web's return-plan form checks its reason with `returnPlanBody`.

export const submitPlanBody = z.strictObject({});
export type SubmitPlanBody = z.output<typeof submitPlanBody>;

export const returnPlanBody = z.strictObject({
  reason: longText.min(1, 'Say why the plan is returned'),
});
export type ReturnPlanBody = z.output<typeof returnPlanBody>;

export const approvePlanBody = z.strictObject({ approvedOn: calendarDate.optional().describe('Today if left out') });
export type ApprovePlanBody = z.output<typeof approvePlanBody>;

export const publishPlanBody = z.strictObject({ publishedOn: calendarDate.optional().describe('Today if left out') });
export type PublishPlanBody = z.output<typeof publishPlanBody>;

export const closePlanBody = z.strictObject({
  closedOn: calendarDate.optional().describe('Today if left out'),
  reason: longText.nullable().optional(),
});
export type ClosePlanBody = z.output<typeof closePlanBody>;

export const discardPlanBody = z.strictObject({
  reason: longText
    .nullable()
    .optional()
    .describe('Why the draft is discarded, e.g. "A second import of the same plan"'),
});
export type DiscardPlanBody = z.output<typeof discardPlanBody>;
