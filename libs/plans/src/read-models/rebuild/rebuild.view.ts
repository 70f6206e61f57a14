import { z } from 'zod';
import type { RebuildProgress, RebuildResult } from './rebuild-council.js';

/** What `POST /api/v1/projections/rebuild` and `GET /api/v1/projections/rebuild/{jobId}` answer: a rebuild job of the council. */
export interface RebuildJobView {
  readonly jobId: string;
  readonly council: string;
  readonly state: string;
  readonly progress: RebuildProgress | null;
  readonly result: RebuildResult | null;
  readonly failedReason: string | null;
  readonly attempts: number;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

const progressSchema = z
  .object({
    phase: z.enum(['reading', 'swapping', 'done']),
    eventsRead: z.int(),
    eventsTotal: z.int(),
    percent: z.int().min(0).max(100),
  })
  .nullable();
export const rebuildJobSchema: z.ZodType<RebuildJobView> = z.object({
  jobId: z.string(),
  council: z.string(),
  state: z.string().describe('waiting, active, completed, failed, delayed…'),
  progress: progressSchema,
  result: z
    .object({
      council: z.string(),
      events: z.int(),
      strategies: z.int(),
      plans: z.int(),
      actions: z.int(),
      through: z.string(),
      seconds: z.number(),
    })
    .nullable(),
  failedReason: z.string().nullable(),
  attempts: z.int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
