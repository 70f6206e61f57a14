import { createHash } from 'node:crypto';
import type { Realm, RealmClient, RealmUser } from '../realm/realm.js';
import { allowedOrigins } from './redirect-uri.js';

/** Who, for which client, in which provider session: what every token of one grant shares. */
export interface GrantContext {
  readonly realm: Realm;
  readonly client: RealmClient;
  readonly user: RealmUser;
  /** `<base URL>/realms/due-regard` */
  readonly issuer: string;
  readonly sessionId: string;
  readonly scope: string;
  /** Seconds since the epoch. */
  readonly authTime: number;
  /** `1` after a password was entered, `0` when an existing session signed the user in silently. */
  readonly acr: '0' | '1';
}

export interface TokenTimes {
  readonly jti: string;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export type ProfileClaims = {
  email_verified: boolean;
  name?: string;
  preferred_username: string;
  given_name?: string;
  family_name?: string;
  email?: string;
};

export type AccessTokenClaims = ProfileClaims & {
  exp: number;
  iat: number;
  auth_time: number;
  jti: string;
  iss: string;
  aud?: string | string[];
  sub: string;
  typ: 'Bearer';
  azp: string;
  sid: string;
  acr: string;
  'allowed-origins'?: string[];
  realm_access: { roles: string[] };
  scope: string;
  [groupsClaim: string]: unknown;
};

export type IdTokenClaims = ProfileClaims & {
  exp: number;
  iat: number;
  auth_time: number;
  jti: string;
  iss: string;
  aud: string | string[];
  sub: string;
  typ: 'ID';
  azp: string;
  nonce?: string;
  sid: string;
  at_hash: string;
  acr: string;
  [groupsClaim: string]: unknown;
};

export type RefreshTokenClaims = {
  exp: number;
  iat: number;
  jti: string;
  iss: string;
  aud: string;
  sub: string;
  typ: 'Refresh';
  azp: string;
  sid: string;
  scope: string;
};

export type UserInfoClaims = ProfileClaims & { sub: string; [groupsClaim: string]: unknown };

/** The client scopes Keycloak gives every client by default and names in `scope` (roles, web-origins, acr and basic are not named). */
const DEFAULT_SCOPES = ['profile', 'email'];

/** `openid` when asked for, then the default scopes; other requested scopes are not offered here and are dropped, as Keycloak drops unknown ones. */
export function grantedScope(requested: string | undefined): string {
  const asked = new Set((requested ?? '').split(' ').filter((scope) => scope !== ''));
  return [...(asked.has('openid') ? ['openid'] : []), ...DEFAULT_SCOPES].join(' ');
}

export function hasOpenIdScope(scope: string): boolean {
  return scope.split(' ').includes('openid');
}

/** One audience is a string, several an array: what Keycloak emits. */
function audienceClaim(audiences: readonly string[]): string | string[] | undefined {
  const distinct = [...new Set(audiences)];
  if (distinct.length === 0) return undefined;
  return distinct.length === 1 ? distinct[0] : distinct;
}

export function profileClaims(user: RealmUser): ProfileClaims {
  const name = [user.firstName, user.lastName].filter((part) => part !== undefined && part !== '').join(' ');
  return {
    email_verified: user.emailVerified,
    ...(name === '' ? {} : { name }),
    preferred_username: user.username.toLowerCase(),
    ...(user.firstName === undefined ? {} : { given_name: user.firstName }),
    ...(user.lastName === undefined ? {} : { family_name: user.lastName }),
    ...(user.email === undefined ? {} : { email: user.email.toLowerCase() }),
  };
}

type TokenKind = 'accessToken' | 'idToken' | 'userInfo' | 'introspection';

/** What the client's Group Membership mappers put in the given kind of token. */
export function groupClaims(
  realm: Realm,
  client: RealmClient,
  user: RealmUser,
  kind: TokenKind,
): Record<string, string[]> {
  const claims: Record<string, string[]> = {};
  for (const mapper of client.groupMappers) {
    if (!mapper[kind]) continue;
    const values = user.groups.map((path) => (mapper.fullPath ? path : realm.groupName(path)));
    claims[mapper.claimName] = [...(claims[mapper.claimName] ?? []), ...values];
  }
  return claims;
}

export function accessTokenClaims(context: GrantContext, times: TokenTimes): AccessTokenClaims {
  const { realm, client, user } = context;
  const audience = audienceClaim(
    client.audienceMappers.filter((mapper) => mapper.accessToken).map((mapper) => mapper.audience),
  );
  const origins = allowedOrigins(client.webOrigins, client.redirectUris);
  return {
    exp: times.expiresAt,
    iat: times.issuedAt,
    auth_time: context.authTime,
    jti: times.jti,
    iss: context.issuer,
    ...(audience === undefined ? {} : { aud: audience }),
    sub: user.id,
    typ: 'Bearer',
    azp: client.clientId,
    sid: context.sessionId,
    acr: context.acr,
    ...(origins.length === 0 ? {} : { 'allowed-origins': origins }),
    realm_access: { roles: realm.effectiveRealmRoles(user) },
    scope: context.scope,
    ...profileClaims(user),
    ...groupClaims(realm, client, user, 'accessToken'),
  };
}

/** OpenID Connect Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
export function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

export function idTokenClaims(
  context: GrantContext,
  times: TokenTimes,
  extra: { readonly nonce: string | undefined; readonly accessToken: string },
): IdTokenClaims {
  const { realm, client, user } = context;
  const audience = audienceClaim([
    client.clientId,
    ...client.audienceMappers.filter((mapper) => mapper.idToken).map((mapper) => mapper.audience),
  ]);
  return {
    exp: times.expiresAt,
    iat: times.issuedAt,
    auth_time: context.authTime,
    jti: times.jti,
    iss: context.issuer,
    aud: audience ?? client.clientId,
    sub: user.id,
    typ: 'ID',
    azp: client.clientId,
    ...(extra.nonce === undefined ? {} : { nonce: extra.nonce }),
    sid: context.sessionId,
    at_hash: accessTokenHash(extra.accessToken),
    acr: context.acr,
    ...profileClaims(user),
    ...groupClaims(realm, client, user, 'idToken'),
  };
}

/** Keycloak's refresh tokens name the realm itself as their audience. */
export function refreshTokenClaims(context: GrantContext, times: TokenTimes): RefreshTokenClaims {
  return {
    exp: times.expiresAt,
    iat: times.issuedAt,
    jti: times.jti,
    iss: context.issuer,
    aud: context.issuer,
    sub: context.user.id,
    typ: 'Refresh',
    azp: context.client.clientId,
    sid: context.sessionId,
    scope: context.scope,
  };
}

export function userInfoClaims(realm: Realm, client: RealmClient, user: RealmUser): UserInfoClaims {
  return { sub: user.id, ...profileClaims(user), ...groupClaims(realm, client, user, 'userInfo') };
}
