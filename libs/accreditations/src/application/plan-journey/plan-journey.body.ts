import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';
import { COMMITMENT_STATUSES } from '../../domain/accreditation.js';

export const evidenceLinkBody = z.strictObject({
  title: storableText.trim().min(1, 'Give the document or page a title').max(300),
  url: z.url({ protocol: /^https?$/, error: 'Give a web address starting https:// or http://' }).max(2000),
});

export const commitmentBody = z.strictObject({
  ref: storableText.max(20).describe('The commitment\'s (or pledge\'s) number in the scheme version, e.g. "1"'),
  status: z.enum(COMMITMENT_STATUSES),
  actionIds: z
    .array(z.uuid('Not an action id this service issues'))
    .max(50)
    .optional()
    .describe("Actions of the council's plans that deliver it; left out: none"),
  links: z.array(evidenceLinkBody).max(50).optional().describe('Documents or pages that show it; left out: none'),
});
export type CommitmentBody = z.output<typeof commitmentBody>;

/**
 * The council's plan on a scheme: what `PUT /api/v1/accreditations/{scheme}` takes. The first PUT
 * starts the journey (on the scheme's newest version); fields left out stay as they are; each
 * commitment named is set to what is sent, status and evidence together.
 */
export const planJourneyBody = z
  .strictObject({
    schemeVersion: storableText
      .max(20)
      .optional()
      .describe('Move to this version of the scheme (progress on commitments numbered and worded alike is kept)'),
    targetLevel: z.int().min(1).nullable().optional().describe("The level aimed for (the scheme's rank); null: none"),
    commitments: z.array(commitmentBody).max(100).optional(),
  })
  .refine(
    (body) =>
      new Set((body.commitments ?? []).map((commitment) => commitment.ref)).size === (body.commitments ?? []).length,
    { message: 'Name each commitment once', path: ['commitments'] },
  );
export type PlanJourneyBody = z.output<typeof planJourneyBody>;
