import { z } from 'zod';
import { dueText, longText } from '../shared/schemas.js';

/** A new due and why: what `POST /api/v1/plans/{planId}/actions/{actionId}/due-revisions` and the web's form take. */
export const reviseDueBody = z.strictObject({
  due: dueText.min(1, 'Enter the new due'),
  reason: longText.min(1, 'Say why the due date is revised'),
});
export type ReviseDueBody = z.output<typeof reviseDueBody>;
