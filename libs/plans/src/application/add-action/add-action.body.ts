import { z } from 'zod';
import {
  actionRef,
  characteristicsList,
  dueText,
  leadsList,
  longText,
  successMeasuresList,
  titleText,
} from '../shared/schemas.js';

/** A new action of a plan: what `POST /api/v1/plans/{planId}/actions` and the web's add-action form take. */
export const addActionBody = z.strictObject({
  ref: actionRef,
  objectiveId: z.uuid("Choose one of the strategy's objectives"),
  title: titleText('Enter the action').max(2000),
  description: longText.nullable().optional(),
  due: dueText,
  leads: leadsList.optional(),
  successMeasures: successMeasuresList.optional(),
  protectedCharacteristics: characteristicsList.optional(),
});
export type AddActionBody = z.output<typeof addActionBody>;
