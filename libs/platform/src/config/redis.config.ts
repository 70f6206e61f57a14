import { z } from 'zod';
import { pathVar, urlVar } from './env-vars.js';

export const redisConfigSchema = z
  .object({
    REDIS_URL: urlVar(['redis', 'rediss'], 'redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'),
    REDIS_DATA_DIR: pathVar('.data/redis'),
  })
  .transform((env) => ({
    url: env.REDIS_URL,
    /** Where a Redis started by us keeps its append-only file. */
    dataDir: env.REDIS_DATA_DIR,
  }));

export type RedisConfig = z.output<typeof redisConfigSchema>;
