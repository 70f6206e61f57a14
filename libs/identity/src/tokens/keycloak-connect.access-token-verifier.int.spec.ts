import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { InvalidAccessTokenError } from './access-token-verifier.js';
import { KeycloakConnectAccessTokenVerifier } from './keycloak-connect.access-token-verifier.js';

/** A realm's certs endpoint on loopback, so keycloak-connect fetches and rotates real keys. */
describe('verifying access tokens through keycloak-connect', () => {
  let server: Server;
  let baseUrl: string;
  let issuer: string;
  let realmKey: CryptoKey;
  let strangerKey: CryptoKey;
  let verifier: KeycloakConnectAccessTokenVerifier;

  beforeAll(async () => {
    const realm = await generateKeyPair('RS256', { extractable: true });
    const stranger = await generateKeyPair('RS256');
    realmKey = realm.privateKey;
    strangerKey = stranger.privateKey;
    const jwk: JWK = { ...(await exportJWK(realm.publicKey)), kid: 'realm-key', alg: 'RS256', use: 'sig' };
    server = createServer((request, response) => {
      if (request.url === '/realms/due-regard/protocol/openid-connect/certs') {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: [jwk] }));
      } else {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    issuer = `${baseUrl}/realms/due-regard`;
    verifier = new KeycloakConnectAccessTokenVerifier({
      authServerUrl: baseUrl,
      realm: 'due-regard',
      audience: 'due-regard-api',
      clients: ['due-regard-web', 'due-regard-cli'],
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const claims = (): JWTPayload => ({
    iss: issuer,
    sub: '7d0c5c3e-0000-4000-8000-000000000001',
    typ: 'Bearer',
    azp: 'due-regard-cli',
    aud: ['due-regard-api', 'account'],
    preferred_username: 'charnwood.lead',
    name: 'Charnwood Lead',
    groups: ['/councils/charnwood/action-lead'],
    realm_access: { roles: ['offline_access'] },
  });

  const secondsFromNow = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;

  async function sign(
    payload: JWTPayload,
    options: { key?: CryptoKey; kid?: string; expiresIn?: string | null } = {},
  ): Promise<string> {
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'realm-key', typ: 'JWT' })
      .setIssuedAt(payload.iat ?? secondsFromNow(0));
    if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '5m');
    return jwt.sign(options.key ?? realmKey);
  }

  it('accepts a realm token and describes its user', async () => {
    await expect(verifier.verify(await sign(claims()))).resolves.toEqual({
      subject: '7d0c5c3e-0000-4000-8000-000000000001',
      username: 'charnwood.lead',
      displayName: 'Charnwood Lead',
      clientId: 'due-regard-cli',
      groups: ['/councils/charnwood/action-lead'],
      realmRoles: ['offline_access'],
    });
  });

  const refusals: [string, () => Promise<string>][] = [
    ['a tampered signature', async () => `${(await sign(claims())).slice(0, -6)}AAAAAA`],
    ['a signature by another key under the realm kid', () => sign(claims(), { key: strangerKey })],
    ['an expired token', () => sign(claims(), { expiresIn: '-1m' })],
    ['a token with no exp', () => sign(claims(), { expiresIn: null })],
    ['a token of another issuer', () => sign({ ...claims(), iss: 'http://127.0.0.1:1/realms/due-regard' })],
    ['a token that is not a Bearer token', () => sign({ ...claims(), typ: 'Refresh' })],
    ['a token for another audience', () => sign({ ...claims(), aud: 'account' })],
    ['a token issued to another client', () => sign({ ...claims(), azp: 'someone-elses-app' })],
    [
      'alg none',
      () => {
        const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
        return Promise.resolve(
          `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims(), exp: Math.floor(Date.now() / 1000) + 300 })}.`,
        );
      },
    ],
    ['something that is not a JWT', () => Promise.resolve('not-a-token')],
    ['a token not valid until five minutes from now', () => sign({ ...claims(), nbf: secondsFromNow(300) })],
    ['a token issued five minutes from now', () => sign({ ...claims(), iat: secondsFromNow(300) })],
    ['a token with an extra segment', async () => `${await sign(claims())}.x`],
    ['a token with an empty extra segment', async () => `${await sign(claims())}.`],
  ];

  it.each([
    ['issued', 'iat'],
    ['valid from', 'nbf'],
  ])('accepts a token %s a few seconds ahead of this clock (clock skew)', async (_, claim) => {
    await expect(verifier.verify(await sign({ ...claims(), [claim]: secondsFromNow(10) }))).resolves.toMatchObject({
      username: 'charnwood.lead',
    });
  });

  it.each(refusals)('refuses %s', async (_, token) => {
    await expect(verifier.verify(await token())).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });
});
