import { z } from 'zod';

const day = (what: string) => z.iso.date(`Enter ${what} as a date, such as 2025-03-31`);

/** An award made to the council: what `POST /api/v1/accreditations/{scheme}/awards` and the web's form take. */
export const recordAwardBody = z.strictObject({
  level: z.int().min(1).describe("The level awarded: the scheme's rank (Disability Confident Leader is 3)"),
  awardedOn: day('the award date').describe('The day it was awarded; not in the future'),
  expiresOn: day('the expiry date')
    .optional()
    .describe("Left out: computed from the scheme's validity (three years for Disability Confident)"),
});
export type RecordAwardBody = z.output<typeof recordAwardBody>;
