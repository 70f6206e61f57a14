import { z } from 'zod';
import { pathVar, stringVar, urlVar } from './env-vars.js';
import { QUEUE_PREFIX } from '../redis/queue-prefix.js';

export const redisConfigSchema = z
  .object({
    REDIS_URL: urlVar(['redis', 'rediss'], 'redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'),
    REDIS_DATA_DIR: pathVar('.data/redis'),
    REDIS_KEY_PREFIX: stringVar(
      QUEUE_PREFIX,
      'letters, digits, dots, dashes or underscores, starting with a letter or digit (e.g. due-regard-staging)',
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    ),
  })
  .transform((env) => ({
    url: env.REDIS_URL,
    /** Where a Redis started by us keeps its append-only file. */
    dataDir: env.REDIS_DATA_DIR,
    /**
     * Every key this instance keeps in Redis (queues, web sessions) starts with it, so that two
     * instances sharing one Redis neither take each other's jobs nor read each other's sessions.
     */
    keyPrefix: env.REDIS_KEY_PREFIX,
  }));

export type RedisConfig = z.output<typeof redisConfigSchema>;
