import { z } from 'zod';
import { hostNameVar, integerVar, nodeEnvVar, optionalIntegerVar, stringVar } from './env-vars.js';

export const httpConfigSchema = z
  .object({
    PORT: integerVar(1, 65535, 3000),
    BASE_DOMAIN: hostNameVar('localhost'),
    NODE_ENV: nodeEnvVar(),
    METRICS_PORT: optionalIntegerVar(1, 65535),
    METRICS_HOST: stringVar('127.0.0.1', 'must be an IP address or host name to listen on', /^[A-Za-z0-9.:-]{1,253}$/),
  })
  .transform((env) => ({
    port: env.PORT,
    /** Councils live at `<council>.<baseDomain>`. */
    baseDomain: env.BASE_DOMAIN,
    nodeEnv: env.NODE_ENV,
    /**
     * Prometheus metrics on a port of their own, for a scraper inside the cluster (unset: none;
     * `/metrics` on the main port is for platform admins only).
     */
    metrics: env.METRICS_PORT === undefined ? null : { port: env.METRICS_PORT, host: env.METRICS_HOST },
  }));

export type HttpConfig = z.output<typeof httpConfigSchema>;
