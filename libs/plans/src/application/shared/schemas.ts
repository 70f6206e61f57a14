import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';
import { CHARACTERISTICS_CONCERNED } from '../../domain/equality-reference.js';

/** Request-body building blocks shared by the plans API; every free-text field is `storableText`. */
export const calendarDate = z.iso.date('Enter a date, such as 2025-03-31');

export const periodSchema = z
  .strictObject({
    from: calendarDate.describe('First day, e.g. 2024-04-01'),
    to: calendarDate.describe('Last day, e.g. 2028-03-31'),
  })
  .describe('The years it runs for');

export const titleText = (message: string) => storableText.min(1, message).max(500);
export const longText = storableText.max(10_000);
export const shortList = (max: number, itemMax = 500) => z.array(storableText.max(itemMax)).max(max);

export const objectiveRef = storableText
  .max(50)
  .nullable()
  .describe('How the council numbers it, e.g. "PEO 1"; leave out or null where objectives are not numbered');

export const actionRef = storableText
  .max(50)
  .nullable()
  .describe('How the plan numbers it, e.g. "1.3"; null where the council does not number actions');
export const dueText = storableText
  .max(500)
  .describe('When it is due, as the council writes it: "June 2024", "Sept 2024 and Sept 2025", "Q3 2024", "Ongoing"…');
export const leadsList = shortList(50, 300).describe('The teams that lead it (teams, not people)');
export const successMeasuresList = shortList(50, 2000).describe('How success will be measured, as written');
export const characteristicsList = z
  .array(z.enum(CHARACTERISTICS_CONCERNED))
  .max(CHARACTERISTICS_CONCERNED.length)
  .describe('Protected characteristics (and the groups councils treat alike) the action concerns');
