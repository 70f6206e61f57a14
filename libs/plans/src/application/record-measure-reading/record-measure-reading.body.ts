import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';
import { measureValue } from '../define-measure/define-measure.body.js';
import { calendarDate } from '../shared/schemas.js';

/** A reading of a measure: what `POST /api/v1/measures/{id}/readings` and the web's form take. */
export const recordMeasureReadingBody = z.strictObject({
  value: measureValue.describe(
    'A number (90 is 90% for a percentage; pounds for money), or words for a measure in words',
  ),
  on: calendarDate.describe('The date the reading is for'),
  note: storableText.max(2000).nullable().optional(),
});
export type RecordMeasureReadingBody = z.output<typeof recordMeasureReadingBody>;
