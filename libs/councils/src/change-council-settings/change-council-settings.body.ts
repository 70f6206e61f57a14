import { z } from 'zod';
import { QUARTER_CONVENTIONS } from '@due-regard/shared-kernel';

const quarterConventionField = z
  .enum(QUARTER_CONVENTIONS)
  .describe(
    'How a bare "Q1 2024" in due text reads: calendar (January-March) or financial (the UK financial year: April-June). Months named in the text always win.',
  );

/** The council's settings to change: what `PATCH /api/v1/council/settings` takes. */
export const changeCouncilSettingsBody = z
  .strictObject({ quarterConvention: quarterConventionField.optional() })
  .refine((body) => Object.keys(body).length > 0, 'Name at least one setting to change');
export type ChangeCouncilSettingsBody = z.output<typeof changeCouncilSettingsBody>;
