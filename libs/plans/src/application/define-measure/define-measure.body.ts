import { z } from 'zod';
import { MEASURE_DIRECTIONS, MEASURE_UNITS, TARGET_COMPARATORS } from '../../domain/measure.js';
import { calendarDate, titleText } from '../shared/schemas.js';
import { storableText } from '@due-regard/shared-kernel';

/** A reading's value: a number for percent, count and money; words for a measure in words. */
export const measureValue = z.union([z.number(), storableText.min(1).max(2000)]);

export const measureTargetBody = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('threshold'),
      comparator: z.enum(TARGET_COMPARATORS).describe('"over 90%" is more-than 90, "minimum of 10" is at-least 10'),
      value: z.number(),
    }),
    z.strictObject({ kind: z.literal('direction') }).describe('Better than the baseline, the way the direction says'),
  ])
  .nullable();

/** A new measure: what `POST /api/v1/measures` and the web's define-a-measure form take. */
export const defineMeasureBody = z.strictObject({
  subject: z.union([
    z.strictObject({ actionId: z.uuid('Choose an action') }),
    z.strictObject({
      objectiveId: z.uuid('Choose an objective'),
      strategyId: z.uuid("Choose the objective's strategy").describe("The objective's strategy"),
    }),
  ]),
  title: titleText('Say what is measured'),
  unit: z.enum(MEASURE_UNITS),
  direction: z.enum(MEASURE_DIRECTIONS),
  baseline: z
    .strictObject({ value: measureValue, on: calendarDate.optional() })
    .nullable()
    .optional()
    .describe('Where it started, and when'),
  target: measureTargetBody,
});
export type DefineMeasureBody = z.output<typeof defineMeasureBody>;
