import { z } from 'zod';
import { enumVar } from './env-vars.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const loggingConfigSchema = z
  .object({
    LOG_LEVEL: enumVar(LOG_LEVELS, 'info'),
  })
  .transform((env) => ({ level: env.LOG_LEVEL }));

export type LoggingConfig = z.output<typeof loggingConfigSchema>;
