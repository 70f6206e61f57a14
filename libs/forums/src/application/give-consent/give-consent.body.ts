import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';
import { ACTION_DETAIL_LEVELS } from '../../domain/consent.js';

/** Which figures the council shares; anything left out is not shared. */
export const consentScopeBody = z.strictObject({
  progressByStatus: z.boolean().default(false).describe('Actions by status and % complete, by PSED aim and theme'),
  ragCounts: z.boolean().default(false).describe('Actions by RAG rating'),
  overdueCounts: z.boolean().default(false).describe('Actions past their due date and not finished'),
  objectivesByAim: z.boolean().default(false).describe('Objectives under the PSED aims they serve'),
  measures: z
    .array(storableText.min(1).max(500))
    .max(50)
    .default([])
    .describe('The success measures to share, as the actions word them'),
  accreditations: z.boolean().default(false).describe('Accreditations held'),
  actions: z
    .enum(ACTION_DETAIL_LEVELS)
    .default('none')
    .describe("Each action's title and status (titles), only how many (counts), or neither (none)"),
});

/** What `PUT /api/v1/forums/{forum}/consent` takes: accepting an invitation, or changing what is shared. */
export const giveConsentBody = z.strictObject({ scope: consentScopeBody });
export type GiveConsentBody = z.output<typeof giveConsentBody>;
