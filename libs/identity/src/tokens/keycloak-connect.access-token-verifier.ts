import KeycloakConnect from 'keycloak-connect';
import { z } from 'zod';
import { AccessTokenVerifier, InvalidAccessTokenError } from './access-token-verifier.js';
import type { Principal } from './principal.js';

export interface KeycloakVerifierOptions {
  /** Keycloak's base URL (or the embedded provider's): the realm URL and its keys are under it. */
  readonly authServerUrl: string;
  readonly realm: string;
  /** The API's own client: every accepted token names it in `aud`. */
  readonly audience: string;
  /** Clients whose tokens the API accepts (`azp`). */
  readonly clients: readonly string[];
}

const accessTokenClaims = z.object({
  sub: z.string().min(1),
  exp: z.number({ error: 'the token has no expiry' }),
  iat: z.number().optional(),
  nbf: z.number().optional(),
  azp: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  preferred_username: z.string().default(''),
  name: z.string().optional(),
  groups: z.array(z.string()).default([]),
  realm_access: z.object({ roles: z.array(z.string()).default([]) }).default({ roles: [] }),
});

const header = z.object({ alg: z.string() });

/** How far ahead of this clock a token's `iat` and `nbf` may be: servers' clocks drift a little. */
export const CLOCK_SKEW_SECONDS = 30;

/** A compact JWS: header, payload, signature, and nothing after (keycloak-connect reads the first three). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * keycloak-connect checks the signature against the realm's rotating keys, `typ: Bearer`, the
 * exact issuer and expiry when present. We also refuse tokens without `exp`, issued or valid only in
 * the future (beyond a small clock skew), of more or fewer than three segments, for other audiences
 * or clients, and signed with anything but RS256.
 */
export class KeycloakConnectAccessTokenVerifier extends AccessTokenVerifier {
  private readonly keycloak: KeycloakConnect.Keycloak;

  constructor(private readonly options: KeycloakVerifierOptions) {
    super();
    this.keycloak = new KeycloakConnect(
      {},
      {
        realm: options.realm,
        'auth-server-url': options.authServerUrl,
        resource: options.audience,
        'bearer-only': true,
        'ssl-required': 'external',
        'confidential-port': 0,
      },
    );
  }

  async verify(token: string): Promise<Principal> {
    if (!COMPACT_JWS.test(token)) throw new InvalidAccessTokenError('not a compact JWS of three segments');
    const alg = header.safeParse(decodeSegment(token, 0))?.data?.alg;
    if (alg !== 'RS256') throw new InvalidAccessTokenError(`signed with ${alg ?? 'nothing'}, not RS256`);

    let content: unknown;
    try {
      const grant = await this.keycloak.grantManager.createGrant(JSON.stringify({ access_token: token }));
      content = grant.access_token ? Reflect.get(grant.access_token, 'content') : undefined;
    } catch (error) {
      throw new InvalidAccessTokenError(error instanceof Error ? error.message : 'refused');
    }
    const claims = accessTokenClaims.safeParse(content);
    if (!claims.success) throw new InvalidAccessTokenError(claims.error.issues[0]?.message ?? 'malformed claims');
    const { sub, azp, aud, iat, nbf, preferred_username, name, groups, realm_access } = claims.data;
    const latest = Date.now() / 1000 + CLOCK_SKEW_SECONDS;
    if (iat !== undefined && iat > latest) throw new InvalidAccessTokenError('the token is issued in the future');
    if (nbf !== undefined && nbf > latest) throw new InvalidAccessTokenError('the token is not valid yet');
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(this.options.audience)) throw new InvalidAccessTokenError('the token is not for this API');
    if (!this.options.clients.includes(azp))
      throw new InvalidAccessTokenError('the token was issued to another client');
    return {
      subject: sub,
      username: preferred_username,
      displayName: name ?? preferred_username,
      clientId: azp,
      groups,
      realmRoles: realm_access.roles,
    };
  }
}

function decodeSegment(token: string, index: number): unknown {
  const segment = token.split('.')[index];
  if (!segment) return null;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
