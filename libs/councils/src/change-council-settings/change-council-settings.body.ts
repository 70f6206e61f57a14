import { z } from 'zod';
import { QUARTER_CONVENTIONS, UPDATE_FREQUENCIES } from '@due-regard/shared-kernel';

const updateCycleField = z
  .strictObject({
    frequency: z.enum(UPDATE_FREQUENCIES).describe('How often action leads report progress'),
    dueDay: z.int().min(1).max(28).describe('The day of the month after each period by which the update is due'),
    remindDaysBefore: z
      .int()
      .min(0)
      .max(60)
      .describe('How many days before an update or a due date leads are reminded'),
  })
  .describe("The progress update cycle, in periods from the start of the council's year (its quarter convention)");

const quarterConventionField = z
  .enum(QUARTER_CONVENTIONS)
  .describe(
    'How a bare "Q1 2024" in due text reads: calendar (January-March) or financial (the UK financial year: April-June). Months named in the text always win.',
  );

/** The council's settings to change: what `PATCH /api/v1/council/settings` takes. */
export const changeCouncilSettingsBody = z
  .strictObject({ quarterConvention: quarterConventionField.optional(), updateCycle: updateCycleField.optional() })
  .refine((body) => Object.keys(body).length > 0, 'Name at least one setting to change');
export type ChangeCouncilSettingsBody = z.output<typeof changeCouncilSettingsBody>;
