import { z } from 'zod';
import { enumVar } from './env-vars.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** `auto`: one readable line per entry on a terminal (development), JSON lines everywhere else. */
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const loggingConfigSchema = z
  .object({
    LOG_LEVEL: enumVar(LOG_LEVELS, 'info'),
    LOG_FORMAT: enumVar(LOG_FORMATS, 'auto'),
  })
  .transform((env) => ({ level: env.LOG_LEVEL, format: env.LOG_FORMAT }));

export type LoggingConfig = z.output<typeof loggingConfigSchema>;

/** Readable lines only for a person at a terminal outside production; log collectors get JSON. */
export function chosenLogFormat(format: LogFormat, stdoutIsTerminal: boolean, production: boolean): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  return stdoutIsTerminal && !production ? 'pretty' : 'json';
}
