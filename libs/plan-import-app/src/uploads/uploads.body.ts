import { z } from 'zod';
import { COLUMN_ROLES, OFFICER_ROW_ROLES } from '@due-regard/plan-import';
import { QUARTER_CONVENTIONS, storableText } from '@due-regard/shared-kernel';
import { UPLOAD_OUTCOMES } from './import-workflow.js';

// What the imports API takes: the fields of an upload (`POST /api/v1/imports`, multipart beside
// the file), a column mapping to read the document again with (`PATCH /api/v1/imports/{id}`) and
// how far a commit goes (`POST /api/v1/imports/{id}/commit`).

const MAX_MAPPED_COLUMNS = 100;

const columnMappingSchema = z
  .record(storableText.trim().min(1).max(300), z.enum(COLUMN_ROLES))
  .refine((mapping) => Object.keys(mapping).length <= MAX_MAPPED_COLUMNS, `Map at most ${MAX_MAPPED_COLUMNS} headings`)
  .describe('Heading as written → what the column holds, e.g. {"Milestone": "due", "Notes": "ignore"}');

export const uploadFields = z.object({
  quarterConvention: z
    .enum(QUARTER_CONVENTIONS)
    .optional()
    .describe(
      'How a bare "Q1 2024" reads: calendar (January-March) or financial (April-June); the council\'s setting when left out',
    ),
  columnMapping: z
    .string()
    .max(64 * 1024)
    .optional()
    .transform((text, context): unknown => {
      if (text === undefined || text.trim() === '') return {};
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'Give the column mapping as a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(columnMappingSchema),
});
export type UploadFields = z.output<typeof uploadFields>;

const MAX_ROW_ROLES = 5000;

export const rowRolesSchema = z
  .record(storableText.trim().min(1).max(100), z.enum(OFFICER_ROW_ROLES))
  .refine((roles) => Object.keys(roles).length <= MAX_ROW_ROLES, `Set at most ${MAX_ROW_ROLES} rows`)
  .describe(
    'Where a row is (as the preview lists it: "line 12", "table 1 row 4") → what it is: group, objective, action, continuation (of the row above), measure or ignore',
  );

export const remapBody = z.strictObject({
  columnMapping: columnMappingSchema,
  quarterConvention: z.enum(QUARTER_CONVENTIONS).optional(),
  rowRoles: rowRolesSchema.optional(),
});
export type RemapBody = z.output<typeof remapBody>;

const isoDate = z.iso.date('Give a date such as 2024-04-01');
const periodBody = z.strictObject({ from: isoDate, to: isoDate });

export const commitBody = z
  .strictObject({
    outcome: z
      .enum(UPLOAD_OUTCOMES)
      .optional()
      .describe(
        'Where the plan ends up: draft (the default: the strategy and the plan stay drafts); submitted (the plan submitted for approval); published (the strategy adopted and published, the plan submitted, approved and published: council administrators only)',
      ),
    publish: z.boolean().optional().describe('true: the same as outcome "published"; false: as "draft"'),
    strategyTitle: storableText.trim().min(1).max(300).optional(),
    planTitle: storableText.trim().min(1).max(300).optional(),
    period: periodBody.optional().describe("The plan's period; read from the document when left out"),
    strategyPeriod: periodBody.optional().describe("The strategy's period; read from the document when left out"),
  })
  .refine((body) => body.outcome === undefined || body.publish === undefined, {
    message: 'Give outcome or publish, not both',
    path: ['publish'],
  });
export type CommitBody = z.output<typeof commitBody>;
