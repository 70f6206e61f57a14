import { z } from 'zod';
import { integerVar } from './env-vars.js';

export const reportsConfigSchema = z
  .object({
    REPORT_RETENTION_DAYS: integerVar(1, 3650, 365),
  })
  .transform((env) => ({
    /**
     * Days a generated report's file is kept; then the `reports` queue's daily purge deletes the
     * file. The report's events (with the document's SHA-256) stay: the council's history.
     */
    retentionDays: env.REPORT_RETENTION_DAYS,
  }));

export type ReportsConfig = z.output<typeof reportsConfigSchema>;
