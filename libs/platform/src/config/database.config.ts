import { z } from 'zod';
import { integerVar, optionalUrlVar, pathVar } from './env-vars.js';

export const databaseConfigSchema = z
  .object({
    DATABASE_URL: optionalUrlVar(['postgres', 'postgresql'], 'postgres://user:password@host:5432/due_regard'),
    EMBEDDED_POSTGRES_DIR: pathVar('.data/postgres'),
    EMBEDDED_POSTGRES_PORT: integerVar(1, 65535, 54329),
  })
  .transform((env) => ({
    /** Unset: an embedded PostgreSQL is started. */
    url: env.DATABASE_URL,
    embedded: { dataDir: env.EMBEDDED_POSTGRES_DIR, port: env.EMBEDDED_POSTGRES_PORT },
  }));

export type DatabaseConfig = z.output<typeof databaseConfigSchema>;
