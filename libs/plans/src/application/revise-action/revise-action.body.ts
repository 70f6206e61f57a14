import { z } from 'zod';
import { characteristicsList, leadsList, longText, successMeasuresList, titleText } from '../shared/schemas.js';

/** What changes of an action: what `PATCH /api/v1/plans/{planId}/actions/{actionId}` and the web's edit form take. */
export const reviseActionBody = z
  .strictObject({
    title: titleText('Enter the action').max(2000),
    description: longText.nullable(),
    successMeasures: successMeasuresList,
    leads: leadsList,
    objectiveId: z.uuid("Choose one of the strategy's objectives").describe('Moves the action to this objective'),
    protectedCharacteristics: characteristicsList,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Say what to change' });
export type ReviseActionBody = z.output<typeof reviseActionBody>;
