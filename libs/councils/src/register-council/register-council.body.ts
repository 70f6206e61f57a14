import { z } from 'zod';
import { QUARTER_CONVENTIONS, storableText } from '@due-regard/shared-kernel';
import { COUNCIL_TYPES, NATIONS } from '../domain/council.js';

/** A council joining the platform: what `POST /api/v1/councils` takes. */
export const registerCouncilBody = z.strictObject({
  slug: storableText.describe('The sub-domain: lowercase letters, digits and hyphens, e.g. "charnwood"'),
  name: storableText.min(1, 'Enter the council name').max(200),
  type: z.enum(COUNCIL_TYPES),
  nation: z.enum(NATIONS),
  region: storableText.min(1, 'Enter the region').max(100),
  quarterConvention: z
    .enum(QUARTER_CONVENTIONS)
    .optional()
    .describe('How a bare "Q1 2024" reads: calendar (January-March, the default) or financial (April-June)'),
});
export type RegisterCouncilBody = z.output<typeof registerCouncilBody>;
