import { z } from 'zod';
import { hostNameVar, integerVar, nodeEnvVar } from './env-vars.js';

export const httpConfigSchema = z
  .object({
    PORT: integerVar(1, 65535, 3000),
    BASE_DOMAIN: hostNameVar('localhost'),
    NODE_ENV: nodeEnvVar(),
  })
  .transform((env) => ({
    port: env.PORT,
    /** Councils live at `<council>.<baseDomain>`. */
    baseDomain: env.BASE_DOMAIN,
    nodeEnv: env.NODE_ENV,
  }));

export type HttpConfig = z.output<typeof httpConfigSchema>;
