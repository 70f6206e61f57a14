import { createHash } from 'node:crypto';
import { Realm, type RealmClient, type RealmUser } from '../realm/realm.js';
import { DUE_REGARD_REALM_EXPORT } from '../testing/due-regard-realm.fixture.js';
import {
  accessTokenClaims,
  accessTokenHash,
  grantedScope,
  idTokenClaims,
  refreshTokenClaims,
  userInfoClaims,
  type GrantContext,
} from './claims.js';

const realm = Realm.fromRepresentation(DUE_REGARD_REALM_EXPORT);
const ISSUER = 'http://localhost:3000/realms/due-regard';
const TIMES = { jti: 'token-id', issuedAt: 1_750_000_000, expiresAt: 1_750_000_300 };

function user(username: string): RealmUser {
  const found = realm.userByLogin(username);
  if (found === undefined) throw new Error(`no user ${username}`);
  return found;
}

function client(clientId: string): RealmClient {
  const found = realm.client(clientId);
  if (found === undefined) throw new Error(`no client ${clientId}`);
  return found;
}

const context = (username: string, clientId = 'due-regard-web'): GrantContext => ({
  realm,
  client: client(clientId),
  user: user(username),
  issuer: ISSUER,
  sessionId: 'session-id',
  scope: 'openid profile email',
  authTime: 1_749_999_990,
  acr: '1',
});

describe('access token claims (Keycloak shape)', () => {
  it('carries the council group path, default realm roles and profile of charnwood.lead', () => {
    expect(accessTokenClaims(context('charnwood.lead'), TIMES)).toEqual({
      exp: 1_750_000_300,
      iat: 1_750_000_000,
      auth_time: 1_749_999_990,
      jti: 'token-id',
      iss: ISSUER,
      aud: 'due-regard-api',
      sub: '6342acf9-8892-484d-aea4-7a693e741c33',
      typ: 'Bearer',
      azp: 'due-regard-web',
      sid: 'session-id',
      acr: '1',
      'allowed-origins': [
        'http://localhost:3000',
        'http://charnwood.localhost:3000',
        'http://leicestershire.localhost:3000',
      ],
      realm_access: { roles: ['default-roles-due-regard', 'offline_access', 'uma_authorization'] },
      scope: 'openid profile email',
      email_verified: true,
      name: 'Grace Okafor',
      preferred_username: 'charnwood.lead',
      given_name: 'Grace',
      family_name: 'Okafor',
      email: 'charnwood.lead@due-regard.example',
      groups: ['/councils/charnwood/action-lead', '/councils/charnwood/teams/Human Resources'],
    });
  });

  it('gives platform.admin the platform-admin realm role and no groups', () => {
    const claims = accessTokenClaims(context('platform.admin', 'due-regard-cli'), TIMES);
    expect(claims.realm_access.roles).toEqual([
      'default-roles-due-regard',
      'offline_access',
      'platform-admin',
      'uma_authorization',
    ]);
    expect(claims['groups']).toEqual([]);
    expect(claims.azp).toBe('due-regard-cli');
    expect(claims['allowed-origins']).toBeUndefined();
  });

  it('gives the forum coordinator the forum group path', () => {
    expect(accessTokenClaims(context('forum.coordinator'), TIMES)['groups']).toEqual([
      '/forums/leicestershire-equalities-forum/forum-coordinator',
    ]);
  });
});

describe('ID token claims', () => {
  it('name the client as audience, echo the nonce and hash the access token', () => {
    const claims = idTokenClaims(context('charnwood.lead'), TIMES, {
      nonce: 'n-0S6_WzA2Mj',
      accessToken: 'access.token.value',
    });
    expect(claims).toMatchObject({
      typ: 'ID',
      aud: 'due-regard-web',
      azp: 'due-regard-web',
      nonce: 'n-0S6_WzA2Mj',
      sub: '6342acf9-8892-484d-aea4-7a693e741c33',
      groups: ['/councils/charnwood/action-lead', '/councils/charnwood/teams/Human Resources'],
      at_hash: accessTokenHash('access.token.value'),
    });
    expect(claims).not.toHaveProperty('realm_access');
    expect(idTokenClaims(context('charnwood.lead'), TIMES, { nonce: undefined, accessToken: 'x' })).not.toHaveProperty(
      'nonce',
    );
  });

  it('computes at_hash as the left half of the SHA-256, base64url', () => {
    const digest = createHash('sha256').update('abc').digest();
    expect(accessTokenHash('abc')).toBe(digest.subarray(0, 16).toString('base64url'));
  });
});

describe('refresh token and userinfo claims', () => {
  it('types the refresh token and names the realm as its audience', () => {
    expect(refreshTokenClaims(context('charnwood.lead'), TIMES)).toEqual({
      exp: 1_750_000_300,
      iat: 1_750_000_000,
      jti: 'token-id',
      iss: ISSUER,
      aud: ISSUER,
      sub: '6342acf9-8892-484d-aea4-7a693e741c33',
      typ: 'Refresh',
      azp: 'due-regard-web',
      sid: 'session-id',
      scope: 'openid profile email',
    });
  });

  it('answers userinfo with the profile and groups', () => {
    expect(userInfoClaims(realm, client('due-regard-web'), user('charnwood.viewer'))).toEqual({
      sub: '0ff633ed-028c-4b4d-a3e6-1d346d50e2db',
      email_verified: true,
      name: 'Daniel Kowalski',
      preferred_username: 'charnwood.viewer',
      given_name: 'Daniel',
      family_name: 'Kowalski',
      email: 'charnwood.viewer@due-regard.example',
      groups: ['/councils/charnwood/viewer'],
    });
  });
});

describe('grantedScope', () => {
  it('keeps openid when asked and always names the default scopes', () => {
    expect(grantedScope('openid')).toBe('openid profile email');
    expect(grantedScope('openid offline_access email')).toBe('openid profile email');
    expect(grantedScope(undefined)).toBe('profile email');
  });
});
