import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';
import { ACTION_STATUSES } from '../../domain/action.js';
import { RAG_RATINGS } from '../../domain/rag.js';

/** Ids in the URL: what stream names allow. Anything else cannot exist. */
export const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not an id of this API');

export const planQuery = z
  .strictObject({
    asOf: z.iso
      .datetime({ offset: true, error: 'Give an ISO 8601 instant, e.g. 2025-03-31T12:00:00Z' })
      .optional()
      .describe('The plan as it stood then, rebuilt from its events'),
    objectiveId: idParam.optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    rag: z.enum(RAG_RATINGS).optional(),
    lead: storableText.trim().min(1).max(200).optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
  })
  .refine(
    (query) =>
      query.asOf === undefined ||
      [query.objectiveId, query.status, query.rag, query.lead, query.overdue].every((value) => value === undefined),
    { message: 'Filters apply to the plan as it is now: leave them out with asOf', path: ['asOf'] },
  );
export type PlanQuery = z.output<typeof planQuery>;

export const jobIdParam = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'Not a job id');
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._~-]{1,100}$/, 'Use up to 100 letters, digits, ".", "_", "~" or "-"');

export const NOT_FOUND = 'There is nothing at this address in this council';
