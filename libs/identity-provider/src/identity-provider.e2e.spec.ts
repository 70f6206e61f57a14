import { request as httpRequest } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { routesWithoutAccess } from '@due-regard/identity';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import KeycloakConnect from 'keycloak-connect';
import * as oidc from 'openid-client';
import { IdentityProviderModule } from './identity-provider.module.js';
import {
  EmbeddedIdentityProviderInProductionError,
  type IdentityProviderOptions,
} from './identity-provider.options.js';
import { KEYS_FILE_NAME } from './keys/provider-keys.js';
import { CookieJar, readForm } from './testing/browser.js';

const REDIRECT_URI = 'http://localhost:3000/auth/callback';
const POST_LOGOUT_URI = 'http://localhost:3000/signed-out';
const WEB_SECRET = 'due-regard-web-dev-secret';
const CHARNWOOD_LEAD_ID = '6342acf9-8892-484d-aea4-7a693e741c33';
const PLATFORM_ADMIN_ID = '77acb151-f6f5-4f4e-92a0-c871fe1f774f';
const DEFAULT_ROLES = ['default-roles-due-regard', 'offline_access', 'uma_authorization'];

/** Collects what the module logs, to see its development-only warning. */
class RecordingLogger implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
  }
}

interface RunningProvider {
  readonly app: INestApplication;
  /** `http://localhost:<port>`: Keycloak's server URL, as clients see it. */
  readonly baseUrl: string;
  readonly issuer: string;
  readonly logger: RecordingLogger;
}

async function startProvider(options: IdentityProviderOptions): Promise<RunningProvider> {
  const logger = new RecordingLogger();
  const moduleRef = await Test.createTestingModule({
    imports: [IdentityProviderModule.forRoot(options), DiscoveryModule],
  })
    .setLogger(logger)
    .compile();
  const app = moduleRef.createNestApplication({ logger });
  await app.listen(0, '127.0.0.1');
  const { port } = new URL(await app.getUrl());
  const baseUrl = `http://localhost:${port}`;
  return { app, baseUrl, issuer: `${baseUrl}/realms/due-regard`, logger };
}

/** The issuer follows the request's Host, as a laptop's `npm start` on any port would want. */
const fromRequest: IdentityProviderOptions['issuerBaseUrl'] = (request) => `${request.protocol}://${request.host}`;

async function discover(issuer: string, clientId: string, auth: oidc.ClientAuth): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(issuer), clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });
}

/** A plain HTTP request with a Host header of our choosing (fetch will not send one). */
function requestWithHost(
  baseUrl: string,
  path: string,
  host: string,
  method = 'GET',
): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: url.port, path, method, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface AuthorizationAttempt {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly url: URL;
}

async function authorizationRequest(
  config: oidc.Configuration,
  extra: Record<string, string> = {},
): Promise<AuthorizationAttempt> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { verifier, state, nonce, url };
}

function checksOf(attempt: AuthorizationAttempt): oidc.AuthorizationCodeGrantChecks {
  return { pkceCodeVerifier: attempt.verifier, expectedState: attempt.state, expectedNonce: attempt.nonce };
}

async function get(url: URL | string, jar: CookieJar): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.store(response);
  return response;
}

async function postForm(
  baseUrl: string,
  html: string,
  jar: CookieJar,
  fields: Record<string, string>,
): Promise<Response> {
  const form = readForm(html);
  const response = await fetch(new URL(form.action, baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, ...fields }),
  });
  jar.store(response);
  return response;
}

function location(response: Response): URL {
  const value = response.headers.get('location');
  if (value === null) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(value);
}

/** Signs in through the form and returns the redirect back to the client. */
async function signIn(
  provider: RunningProvider,
  config: oidc.Configuration,
  jar: CookieJar,
  username: string,
): Promise<{ attempt: AuthorizationAttempt; callback: URL }> {
  const attempt = await authorizationRequest(config);
  const page = await get(attempt.url, jar);
  expect(page.status).toBe(200);
  const submitted = await postForm(provider.baseUrl, await page.text(), jar, { username, password: 'demo' });
  expect(submitted.status).toBe(302);
  return { attempt, callback: location(submitted) };
}

function keycloakFor(baseUrl: string): KeycloakConnect.Keycloak {
  // keycloak.json as a deployment of the API would have it; the secret is only used for introspection.
  const config = {
    realm: 'due-regard',
    'auth-server-url': baseUrl,
    resource: 'due-regard-api',
    'bearer-only': true,
    'ssl-required': 'external',
    'confidential-port': 0,
    'verify-token-audience': true,
    credentials: { secret: 'due-regard-api-dev-secret' },
  };
  return new KeycloakConnect({}, config);
}

async function tokenRequest(baseUrl: string, body: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}/realms/due-regard/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
}

describe('embedded Keycloak-compatible identity provider', () => {
  let dataDirectory: string;
  let provider: RunningProvider;
  let web: oidc.Configuration;

  beforeAll(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'due-regard-idp-'));
    provider = await startProvider({
      dataDirectory,
      issuerBaseUrl: fromRequest,
      rateLimit: { limit: 1000, ttlMs: 60_000 },
    });
    web = await discover(provider.issuer, 'due-regard-web', oidc.ClientSecretBasic(WEB_SECRET));
    // ID tokens from the token endpoint are then verified against the provider's JWKS too.
    oidc.enableNonRepudiationChecks(web);
  });

  afterAll(async () => {
    await provider.app.close();
    await rm(dataDirectory, { recursive: true, force: true });
  });

  it('says once, at start, that it is for development only', () => {
    expect(
      provider.logger.warnings.filter((message) => message.includes('for development and tests only')),
    ).toHaveLength(1);
  });

  it('declares its access (public) on every route, as the app requires', () => {
    const { app } = provider;
    expect(routesWithoutAccess(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector))).toEqual([]);
  });

  it("serves discovery and keys at Keycloak's paths, and keeps its keys in the data directory", async () => {
    const metadata = web.serverMetadata();
    const protocol = `${provider.issuer}/protocol/openid-connect`;
    expect(metadata).toMatchObject({
      issuer: provider.issuer,
      authorization_endpoint: `${protocol}/auth`,
      token_endpoint: `${protocol}/token`,
      userinfo_endpoint: `${protocol}/userinfo`,
      end_session_endpoint: `${protocol}/logout`,
      jwks_uri: `${protocol}/certs`,
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = (await (await fetch(`${protocol}/certs`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(await readdir(dataDirectory)).toEqual([KEYS_FILE_NAME]);
  });

  describe('authorization code with PKCE, refresh, userinfo and logout, driven by openid-client', () => {
    const jar = new CookieJar();
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

    it('signs charnwood.lead in through the form and exchanges the code', async () => {
      const { attempt, callback } = await signIn(provider, web, jar, 'charnwood.lead');
      expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
      expect(callback.searchParams.get('state')).toBe(attempt.state);
      expect(callback.searchParams.get('iss')).toBe(provider.issuer);
      expect(jar.has('DUE_REGARD_IDP_SESSION')).toBe(true);

      tokens = await oidc.authorizationCodeGrant(web, callback, {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
      });
      expect(tokens.token_type).toBe('bearer');
      expect(tokens.expires_in).toBe(300);

      const access = decodeJwt(tokens.access_token);
      const jwks = (await (await fetch(`${provider.issuer}/protocol/openid-connect/certs`)).json()) as {
        keys: Array<Record<string, unknown>>;
      };
      const header = decodeProtectedHeader(tokens.access_token);
      expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
      expect(header.kid).toBe(jwks.keys[0]?.['kid']);
      expect(access).toMatchObject({
        iss: provider.issuer,
        sub: CHARNWOOD_LEAD_ID,
        typ: 'Bearer',
        azp: 'due-regard-web',
        aud: 'due-regard-api',
        scope: 'openid profile email',
        groups: ['/councils/charnwood/action-lead', '/councils/charnwood/teams/Human Resources'],
        realm_access: { roles: DEFAULT_ROLES },
        preferred_username: 'charnwood.lead',
        email: 'charnwood.lead@due-regard.example',
        email_verified: true,
        name: 'Grace Okafor',
        given_name: 'Grace',
        family_name: 'Okafor',
        sid: callback.searchParams.get('session_state'),
      });
      expect(access.exp).toBe(Number(access.iat) + 300);
      expect(typeof access.jti).toBe('string');

      expect(tokens.claims()).toMatchObject({
        typ: 'ID',
        aud: 'due-regard-web',
        nonce: attempt.nonce,
        sub: CHARNWOOD_LEAD_ID,
      });
      expect(typeof tokens.claims()?.['at_hash']).toBe('string');
      expect(decodeJwt(tokens.refresh_token ?? '')).toMatchObject({
        typ: 'Refresh',
        azp: 'due-regard-web',
        sid: access.sid,
      });
    });

    it('is accepted by keycloak-connect, offline against the JWKS and by introspection', async () => {
      const keycloak = keycloakFor(provider.baseUrl);
      const grant = await keycloak.grantManager.createGrant(JSON.stringify({ access_token: tokens.access_token }));
      expect(grant.access_token?.hasRealmRole('offline_access')).toBe(true);
      expect(grant.access_token?.hasRealmRole('platform-admin')).toBe(false);
      expect(await keycloak.grantManager.validateAccessToken(tokens.access_token)).toBe(tokens.access_token);

      // And it does check: the same token claiming another council fails its signature check.
      const [header, payload, signature] = tokens.access_token.split('.');
      const claims = { ...decodeJwt(tokens.access_token), groups: ['/councils/leicestershire/council-admin'] };
      const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
      expect(payload).not.toBe(forged.split('.')[1]);
      await expect(keycloak.grantManager.createGrant(JSON.stringify({ access_token: forged }))).rejects.toThrow(
        /signature/,
      );
    });

    it('signs in silently a second time, while the provider session lasts', async () => {
      const attempt = await authorizationRequest(web);
      const response = await get(attempt.url, jar);
      expect(response.status).toBe(302);
      const again = await oidc.authorizationCodeGrant(web, location(response), {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
      });
      expect(decodeJwt(again.access_token)).toMatchObject({
        sub: CHARNWOOD_LEAD_ID,
        acr: '0',
        sid: decodeJwt(tokens.access_token).sid,
      });
    });

    it('refreshes, rotating the refresh token', async () => {
      const refreshed = await oidc.refreshTokenGrant(web, tokens.refresh_token ?? '');
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      expect(decodeJwt(refreshed.access_token)).toMatchObject({
        sub: CHARNWOOD_LEAD_ID,
        groups: ['/councils/charnwood/action-lead', '/councils/charnwood/teams/Human Resources'],
      });
      await expect(oidc.refreshTokenGrant(web, tokens.refresh_token ?? '')).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      // The reuse revoked the whole grant, the newest refresh token included.
      await expect(oidc.refreshTokenGrant(web, refreshed.refresh_token ?? '')).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    });

    it('answers userinfo for the access token', async () => {
      const userInfo = await oidc.fetchUserInfo(web, tokens.access_token, CHARNWOOD_LEAD_ID);
      expect(userInfo).toEqual({
        sub: CHARNWOOD_LEAD_ID,
        email_verified: true,
        name: 'Grace Okafor',
        preferred_username: 'charnwood.lead',
        given_name: 'Grace',
        family_name: 'Okafor',
        email: 'charnwood.lead@due-regard.example',
        groups: ['/councils/charnwood/action-lead', '/councils/charnwood/teams/Human Resources'],
      });
    });

    it('logs out through the end-session URL: session ended, refresh tokens revoked, state echoed', async () => {
      const elsewhere = await signIn(provider, web, new CookieJar(), 'charnwood.lead');
      const other = await oidc.authorizationCodeGrant(web, elsewhere.callback, checksOf(elsewhere.attempt));
      const attempt = await authorizationRequest(web);
      const current = await oidc.authorizationCodeGrant(web, location(await get(attempt.url, jar)), checksOf(attempt));

      const state = oidc.randomState();
      const endSession = oidc.buildEndSessionUrl(web, {
        id_token_hint: current.id_token ?? '',
        post_logout_redirect_uri: POST_LOGOUT_URI,
        state,
      });
      const response = await get(endSession, jar);
      expect(response.status).toBe(302);
      expect(location(response).href).toBe(`${POST_LOGOUT_URI}?state=${state}`);
      expect(jar.has('DUE_REGARD_IDP_SESSION')).toBe(false);

      await expect(oidc.refreshTokenGrant(web, current.refresh_token ?? '')).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      await expect(oidc.fetchUserInfo(web, current.access_token, CHARNWOOD_LEAD_ID)).rejects.toMatchObject({
        status: 401,
      });
      expect(await keycloakFor(provider.baseUrl).grantManager.validateAccessToken(current.access_token)).toBe(false);
      // The next authorization asks for a password again.
      const next = await get((await authorizationRequest(web)).url, jar);
      expect(next.status).toBe(200);
      expect(await next.text()).toContain('name="password"');
      // Another browser's session is untouched.
      expect((await oidc.fetchUserInfo(web, other.access_token, CHARNWOOD_LEAD_ID)).sub).toBe(CHARNWOOD_LEAD_ID);
    });

    it('asks before signing out when the logout request carries no ID token', async () => {
      const browser = new CookieJar();
      await signIn(provider, web, browser, 'charnwood.editor');
      const confirmation = await get(buildLogoutUrl(provider, {}), browser);
      expect(confirmation.status).toBe(200);
      const html = await confirmation.text();
      expect(html).toContain('<h1>Do you want to sign out?</h1>');
      expect(browser.has('DUE_REGARD_IDP_SESSION')).toBe(true);

      expect((await postForm(provider.baseUrl, html, new CookieJar(), {})).status).toBe(400);
      const confirmed = await postForm(provider.baseUrl, html, browser, {});
      expect(confirmed.status).toBe(200);
      expect(await confirmed.text()).toContain('You have signed out');
      expect(browser.has('DUE_REGARD_IDP_SESSION')).toBe(false);
    });

    it('refuses a post-logout redirect URI that is not registered, without redirecting', async () => {
      const response = await get(
        buildLogoutUrl(provider, { client_id: 'due-regard-web', post_logout_redirect_uri: 'http://evil.example/' }),
        new CookieJar(),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });
  });

  describe('the sign-in form', () => {
    it('is plain accessible HTML: heading, labelled username and password fields, a one-time token', async () => {
      const page = await get((await authorizationRequest(web)).url, new CookieJar());
      const html = await page.text();
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("form-action 'self' http://localhost:3000");
      expect(html).toContain('<html lang="en">');
      expect(html).toMatch(/<h1>Sign in to Due Regard<\/h1>/);
      expect(html).toContain('<label for="username">');
      expect(html).toContain('<input id="username" name="username"');
      expect(html).toContain('<label for="password">');
      expect(html).toContain('<input id="password" name="password" type="password"');
      expect(Object.keys(readForm(html).fields).sort()).toEqual(['auth_session', 'form_token']);
      const cookie = page.headers.getSetCookie().find((header) => header.startsWith('DUE_REGARD_IDP_BROWSER='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    });

    it('shows an error and gives no code for a bad password, and its token works once', async () => {
      const jar = new CookieJar();
      const page = await get((await authorizationRequest(web)).url, jar);
      const html = await page.text();
      const failed = await postForm(provider.baseUrl, html, jar, { username: 'charnwood.lead', password: 'wrong' });
      expect(failed.status).toBe(200);
      expect(failed.headers.get('location')).toBeNull();
      const errorHtml = await failed.text();
      expect(errorHtml).toContain('<title>Error: Sign in – Due Regard</title>');
      expect(errorHtml).toContain('role="alert"');
      expect(errorHtml).toContain('Invalid username or password.');
      expect(errorHtml).toContain('value="charnwood.lead"');
      expect(jar.has('DUE_REGARD_IDP_SESSION')).toBe(false);

      const replayed = await postForm(provider.baseUrl, html, jar, { username: 'charnwood.lead', password: 'demo' });
      expect(replayed.status).toBe(400);
      expect(replayed.headers.get('location')).toBeNull();

      const retried = await postForm(provider.baseUrl, errorHtml, jar, {
        username: 'charnwood.lead',
        password: 'demo',
      });
      expect(retried.status).toBe(302);
      expect(location(retried).searchParams.get('code')).not.toBeNull();
    });

    it('signs nobody in after 12 wrong passwords, not even with the right one (brute-force detection)', async () => {
      const jar = new CookieJar();
      let html = await (await get((await authorizationRequest(web)).url, jar)).text();
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const failed = await postForm(provider.baseUrl, html, jar, {
          username: 'leicestershire.admin',
          password: `guess-${attempt}`,
        });
        expect(failed.status).toBe(200);
        html = await failed.text();
      }
      const right = await postForm(provider.baseUrl, html, jar, { username: 'leicestershire.admin', password: 'demo' });
      expect(right.status).toBe(200);
      expect(right.headers.get('location')).toBeNull();
      expect(await right.text()).toContain('Invalid username or password.');
      expect(jar.has('DUE_REGARD_IDP_SESSION')).toBe(false);
    });

    it('refuses a form posted from another browser (no binding cookie)', async () => {
      const page = await get((await authorizationRequest(web)).url, new CookieJar());
      const response = await postForm(provider.baseUrl, await page.text(), new CookieJar(), {
        username: 'charnwood.lead',
        password: 'demo',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });
  });

  describe('refusals', () => {
    it('shows an error page and does not redirect to an unregistered redirect_uri', async () => {
      const attempt = await authorizationRequest(web, { redirect_uri: 'http://evil.example/callback' });
      const response = await get(attempt.url, new CookieJar());
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('Invalid redirect URI');
    });

    it('sends the web client back with invalid_request when it leaves out PKCE', async () => {
      const url = oidc.buildAuthorizationUrl(web, { redirect_uri: REDIRECT_URI, scope: 'openid', state: 'xyz' });
      const response = await get(url, new CookieJar());
      expect(response.status).toBe(302);
      expect(Object.fromEntries(location(response).searchParams)).toMatchObject({
        error: 'invalid_request',
        state: 'xyz',
      });
    });

    it('answers a wrong PKCE verifier with invalid_grant', async () => {
      const { attempt, callback } = await signIn(provider, web, new CookieJar(), 'charnwood.lead');
      await expect(
        oidc.authorizationCodeGrant(web, callback, {
          pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
        }),
      ).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
    });

    it('answers a code used twice with invalid_grant', async () => {
      const { attempt, callback } = await signIn(provider, web, new CookieJar(), 'charnwood.lead');
      const checks = { pkceCodeVerifier: attempt.verifier, expectedState: attempt.state, expectedNonce: attempt.nonce };
      const first = await oidc.authorizationCodeGrant(web, callback, checks);
      await expect(oidc.authorizationCodeGrant(web, callback, checks)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      // The replay revoked what the code had given.
      await expect(oidc.refreshTokenGrant(web, first.refresh_token ?? '')).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    });

    it('refuses a wrong client secret with invalid_client (401)', async () => {
      const wrong = await discover(provider.issuer, 'due-regard-web', oidc.ClientSecretPost('not-the-secret'));
      const { attempt, callback } = await signIn(provider, web, new CookieJar(), 'charnwood.lead');
      await expect(
        oidc.authorizationCodeGrant(wrong, callback, {
          pkceCodeVerifier: attempt.verifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
        }),
      ).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
    });

    it('does not exist on a council sub-domain', async () => {
      const host = `charnwood.localhost:${new URL(provider.baseUrl).port}`;
      expect(
        (await requestWithHost(provider.baseUrl, '/realms/due-regard/.well-known/openid-configuration', host)).status,
      ).toBe(404);
      expect(
        (await requestWithHost(provider.baseUrl, '/realms/due-regard/protocol/openid-connect/auth', host)).status,
      ).toBe(404);
      expect(
        (await requestWithHost(provider.baseUrl, '/realms/due-regard/protocol/openid-connect/token', host, 'POST'))
          .status,
      ).toBe(404);
    });
  });

  describe('password grant', () => {
    it('gives due-regard-cli tokens for platform.admin with the platform-admin realm role', async () => {
      const cli = await discover(provider.issuer, 'due-regard-cli', oidc.None());
      const tokens = await oidc.genericGrantRequest(cli, 'password', {
        username: 'platform.admin',
        password: 'demo',
        scope: 'openid',
      });
      expect(decodeJwt(tokens.access_token)).toMatchObject({
        sub: PLATFORM_ADMIN_ID,
        typ: 'Bearer',
        azp: 'due-regard-cli',
        aud: 'due-regard-api',
        groups: [],
        realm_access: { roles: ['default-roles-due-regard', 'offline_access', 'platform-admin', 'uma_authorization'] },
      });
      const grant = await keycloakFor(provider.baseUrl).grantManager.createGrant(
        JSON.stringify({ access_token: tokens.access_token }),
      );
      expect(grant.access_token?.hasRealmRole('platform-admin')).toBe(true);
    });

    it('refuses a wrong password with invalid_grant', async () => {
      const response = await tokenRequest(provider.baseUrl, {
        grant_type: 'password',
        client_id: 'due-regard-cli',
        username: 'charnwood.lead',
        password: 'nope',
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    });

    it("locks a user out after the realm's failure factor (10) of wrong passwords, even for the right one", async () => {
      const wrong = { grant_type: 'password', client_id: 'due-regard-cli', username: 'charnwood.auditor' };
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const response = await tokenRequest(provider.baseUrl, { ...wrong, password: `guess-${attempt}` });
        expect(response.status).toBe(401);
      }
      const right = await tokenRequest(provider.baseUrl, { ...wrong, password: 'demo' });
      expect(right.status).toBe(401);
      expect(await right.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    });

    it('is refused to due-regard-web with unauthorized_client', async () => {
      await expect(
        oidc.genericGrantRequest(web, 'password', { username: 'charnwood.lead', password: 'demo' }),
      ).rejects.toMatchObject({
        error: 'unauthorized_client',
        status: 400,
      });
    });

    it('is refused to the bearer-only API client', async () => {
      const response = await tokenRequest(provider.baseUrl, {
        grant_type: 'password',
        client_id: 'due-regard-api',
        client_secret: 'due-regard-api-dev-secret',
        username: 'charnwood.lead',
        password: 'demo',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'unauthorized_client' });
    });
  });

  it('keeps its signing key across a restart, so earlier tokens still verify', async () => {
    const cli = await discover(provider.issuer, 'due-regard-cli', oidc.None());
    const { access_token } = await oidc.genericGrantRequest(cli, 'password', {
      username: 'charnwood.viewer',
      password: 'demo',
    });
    const restarted = await startProvider({ dataDirectory, issuerBaseUrl: fromRequest });
    try {
      const jwks = createRemoteJWKSet(new URL(`${restarted.issuer}/protocol/openid-connect/certs`));
      await expect(jwtVerify(access_token, jwks, { issuer: provider.issuer })).resolves.toMatchObject({
        payload: { preferred_username: 'charnwood.viewer' },
      });
    } finally {
      await restarted.app.close();
    }
  });

  it('refuses to start with NODE_ENV=production', async () => {
    const previous = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      await expect(
        Test.createTestingModule({ imports: [IdentityProviderModule.forRoot({ dataDirectory })] }).compile(),
      ).rejects.toThrow(EmbeddedIdentityProviderInProductionError);
    } finally {
      process.env['NODE_ENV'] = previous;
    }
  });

  it('limits the token endpoint and the sign-in form to the configured rate, with 429', async () => {
    const limited = await startProvider({
      dataDirectory,
      issuerBaseUrl: fromRequest,
      rateLimit: { limit: 3, ttlMs: 60_000 },
    });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await tokenRequest(limited.baseUrl, {
          grant_type: 'password',
          client_id: 'due-regard-cli',
          username: 'x',
          password: 'y',
        });
        statuses.push(response.status);
        if (response.status === 429) {
          expect(await response.json()).toMatchObject({ error: 'too_many_requests' });
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429]);

      const limitedWeb = await discover(limited.issuer, 'due-regard-web', oidc.ClientSecretBasic(WEB_SECRET));
      const jar = new CookieJar();
      let html = await (await get((await authorizationRequest(limitedWeb)).url, jar)).text();
      const signInStatuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await postForm(limited.baseUrl, html, jar, { username: 'charnwood.lead', password: 'wrong' });
        signInStatuses.push(response.status);
        const body = await response.text();
        if (response.status === 200) html = body;
        else expect(body).toContain('Too many attempts');
      }
      expect(signInStatuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.app.close();
    }
  });
});

function buildLogoutUrl(provider: RunningProvider, parameters: Record<string, string>): URL {
  const url = new URL(`${provider.issuer}/protocol/openid-connect/logout`);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url;
}
