import { z } from 'zod';
import { awardViewSchema } from '../get-accreditations/get-accreditations.view.js';

/** What `POST /api/v1/accreditations/{scheme}/awards` answers: the award, with its expiry computed or as given. */
export const awardRecordedSchema = z.object({
  scheme: z.string(),
  award: awardViewSchema,
  version: z.int().min(1).describe("The journey's version after the award: its ETag"),
});
export type AwardRecordedView = z.output<typeof awardRecordedSchema>;
