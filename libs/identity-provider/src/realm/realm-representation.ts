import { z } from 'zod';

/*
 * The part of Keycloak's realm representation (the JSON `kc.sh import` and `--import-realm` read)
 * that the embedded provider uses. Unknown keys are kept and ignored, so a full Keycloak export
 * loads too. Flags that decide what a client may do are required rather than defaulted: Keycloak's
 * defaults for them have changed between versions, and the two providers must agree.
 */

const attributes = z.record(z.string(), z.string());

export const protocolMapperSchema = z.looseObject({
  name: z.string().min(1),
  protocol: z.literal('openid-connect'),
  protocolMapper: z.string().min(1),
  config: attributes.default({}),
});

export const clientSchema = z.looseObject({
  clientId: z.string().min(1),
  enabled: z.boolean(),
  protocol: z.literal('openid-connect').default('openid-connect'),
  publicClient: z.boolean(),
  bearerOnly: z.boolean().default(false),
  clientAuthenticatorType: z.literal('client-secret').default('client-secret'),
  secret: z.string().min(1).optional(),
  standardFlowEnabled: z.boolean(),
  implicitFlowEnabled: z.literal(false).default(false),
  directAccessGrantsEnabled: z.boolean(),
  redirectUris: z.array(z.string().min(1)).default([]),
  webOrigins: z.array(z.string().min(1)).default([]),
  attributes: attributes.default({}),
  protocolMappers: z.array(protocolMapperSchema).default([]),
});

export interface GroupRepresentation {
  name: string;
  path?: string | undefined;
  realmRoles: string[];
  subGroups: GroupRepresentation[];
}

export const groupSchema: z.ZodType<GroupRepresentation> = z.lazy(() =>
  z.looseObject({
    name: z.string().min(1),
    path: z.string().optional(),
    realmRoles: z.array(z.string()).default([]),
    subGroups: z.array(groupSchema).default([]),
  }),
);

export const credentialSchema = z.looseObject({
  type: z.string(),
  value: z.string().optional(),
  temporary: z.boolean().default(false),
});

export const userSchema = z.looseObject({
  // Required here (Keycloak would invent one) so that `sub` is the same on every import.
  id: z.string().min(1),
  username: z.string().min(1),
  enabled: z.boolean(),
  emailVerified: z.boolean().default(false),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  credentials: z.array(credentialSchema).default([]),
  requiredActions: z.array(z.string()).default([]),
  realmRoles: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

export const roleSchema = z.looseObject({
  name: z.string().min(1),
  composite: z.boolean().default(false),
  composites: z.looseObject({ realm: z.array(z.string()).default([]) }).optional(),
});

/** Keycloak's own defaults where a lifespan is left out. */
export const realmRepresentationSchema = z.looseObject({
  realm: z.string().min(1),
  enabled: z.boolean(),
  accessTokenLifespan: z.number().int().positive().default(300),
  accessCodeLifespan: z.number().int().positive().default(60),
  accessCodeLifespanLogin: z.number().int().positive().default(1800),
  ssoSessionIdleTimeout: z.number().int().positive().default(1800),
  ssoSessionMaxLifespan: z.number().int().positive().default(36000),
  loginWithEmailAllowed: z.boolean().default(true),
  // Brute-force detection, with Keycloak's defaults.
  bruteForceProtected: z.boolean().default(false),
  permanentLockout: z.boolean().default(false),
  failureFactor: z.number().int().positive().default(30),
  waitIncrementSeconds: z.number().int().nonnegative().default(60),
  maxFailureWaitSeconds: z.number().int().nonnegative().default(900),
  maxDeltaTimeSeconds: z.number().int().positive().default(43200),
  roles: z.looseObject({ realm: z.array(roleSchema).default([]) }).default({ realm: [] }),
  groups: z.array(groupSchema).default([]),
  clients: z.array(clientSchema).default([]),
  users: z.array(userSchema).default([]),
});

export type RealmRepresentation = z.output<typeof realmRepresentationSchema>;
export type ClientRepresentation = z.output<typeof clientSchema>;
export type UserRepresentation = z.output<typeof userSchema>;
export type ProtocolMapperRepresentation = z.output<typeof protocolMapperSchema>;
