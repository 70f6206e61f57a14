import { z } from 'zod';
import { enumVar, hostNameVar, integerVar, nodeEnvVar, optionalUrlVar } from './env-vars.js';

export const identityConfigSchema = z
  .object({
    NODE_ENV: nodeEnvVar(),
    PORT: integerVar(1, 65535, 3000),
    BASE_DOMAIN: hostNameVar('localhost'),
    KEYCLOAK_URL: optionalUrlVar(['http', 'https'], 'https://keycloak.example.org'),
    PUBLIC_URL: optionalUrlVar(['http', 'https'], 'https://due-regard.example.org'),
    DEMO_DATA: enumVar(['true', 'false'], 'true'),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && env.KEYCLOAK_URL === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['KEYCLOAK_URL'],
        message: 'must be set in production: the embedded identity provider is for development only',
      });
    }
  })
  .transform((env) => {
    const publicUrl = (env.PUBLIC_URL ?? `http://${env.BASE_DOMAIN}:${env.PORT}`).replace(/\/+$/, '');
    return {
      /** The platform's own URL on the bare domain. */
      publicUrl,
      /** Keycloak's base URL; unset means the app serves the embedded provider at its own URL. */
      keycloakUrl: env.KEYCLOAK_URL?.replace(/\/+$/, '') ?? null,
      /** Where tokens are verified against: Keycloak, or the embedded provider at publicUrl. */
      authServerUrl: env.KEYCLOAK_URL?.replace(/\/+$/, '') ?? publicUrl,
      realm: 'due-regard',
      /** The demo councils and their plans on a first start; never in production. */
      demoData: env.DEMO_DATA === 'true' && env.NODE_ENV !== 'production',
    };
  });

export type IdentityConfig = z.output<typeof identityConfigSchema>;
