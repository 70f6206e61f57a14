import { z } from 'zod';
import { integerVar } from './env-vars.js';

export const importsConfigSchema = z
  .object({
    IMPORT_RETENTION_DAYS: integerVar(1, 3650, 30),
  })
  .transform((env) => ({
    /**
     * Days an uploaded plan document (and its preview) is kept after it was last touched; then the
     * `imports` queue's purge deletes it, keeping of a committed one only what the audit needs.
     */
    retentionDays: env.IMPORT_RETENTION_DAYS,
  }));

export type ImportsConfig = z.output<typeof importsConfigSchema>;
