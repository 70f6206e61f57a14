import { SignJWT, type JWTPayload } from 'jose';
import request from 'supertest';
import { ACCESS_OPENAPI_EXTENSION, type AccessRule } from '@due-regard/identity';
import { loadOrCreateProviderKeys, type ProviderKeys } from '@due-regard/identity-provider';
import { startDueRegard, type RunningApp } from './support/running-app.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Route {
  readonly method: Method;
  readonly path: string;
  readonly access: AccessRule | undefined;
}

type OpenApiDocument = { paths: Record<string, Partial<Record<Method, Record<string, unknown>>>> };

const PLACEHOLDER_ID = '0190f3c2-7d1e-7abc-8def-0123456789ab';

/**
 * Every route the app exposes, read from its own OpenAPI document, so that routes added later are
 * covered without touching this test.
 */
describe('tenant isolation over every route', () => {
  let running: RunningApp;
  let routes: Route[];
  let keys: ProviderKeys;
  let outsider: string;
  let charnwoodAdmin: string;

  beforeAll(async () => {
    running = await startDueRegard();
    const document = (await request(running.platformUrl).get('/api/docs-json')).body as OpenApiDocument;
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      METHODS.filter((method) => operations[method] !== undefined).map((method) => ({
        method,
        path: path.replace(/\{forum\}/g, 'leicestershire-equalities-forum').replace(/\{[^}]+\}/g, PLACEHOLDER_ID),
        access: operations[method]?.[ACCESS_OPENAPI_EXTENSION] as AccessRule | undefined,
      })),
    );
    keys = await loadOrCreateProviderKeys('.data/identity');
    outsider = await running.tokenFor('leicestershire.admin');
    charnwoodAdmin = await running.tokenFor('charnwood.admin');
  });

  afterAll(async () => {
    await running?.close();
  });

  const hostFor = (route: Route): string =>
    route.access?.kind === 'council' ? running.councilHost('charnwood') : `localhost:${running.port}`;

  const send = (route: Route, token?: string) => {
    const call = request(running.platformUrl)[route.method](route.path).set('Host', hostFor(route));
    if (token !== undefined) call.set('Authorization', `Bearer ${token}`);
    return route.method === 'get' || route.method === 'delete' ? call : call.send({});
  };

  const protectedRoutes = (): Route[] => routes.filter((route) => route.access?.kind !== 'public');

  async function forgedToken(
    change: (claims: JWTPayload) => JWTPayload,
    expiresInSeconds: number | null = 300,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = change({
      iss: `${running.config.identity.publicUrl}/realms/due-regard`,
      sub: 'c0ffee00-0000-4000-8000-000000000001',
      typ: 'Bearer',
      azp: 'due-regard-cli',
      aud: 'due-regard-api',
      iat: now,
      ...(expiresInSeconds === null ? {} : { exp: now + expiresInSeconds }),
      preferred_username: 'charnwood.admin',
      groups: ['/councils/charnwood/council-admin'],
      realm_access: { roles: ['platform-admin'] },
    });
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' }).sign(keys.signingKey);
  }

  it('finds the routes, and every one declares who may use it', () => {
    expect(protectedRoutes().length).toBeGreaterThan(0);
    expect(
      routes
        .filter((route) => route.access === undefined)
        .map((route) => `${route.method.toUpperCase()} ${route.path}`),
    ).toEqual([]);
  });

  it('accepts a well-formed forged token only because it is signed by the realm key (the control case)', async () => {
    const control = protectedRoutes().find((route) => route.access?.kind === 'council' && route.method === 'get');
    expect(control).toBeDefined();
    if (control) expect((await send(control, await forgedToken((claims) => claims))).status).toBe(200);
  });

  it('answers 401 without a token', async () => {
    for (const route of protectedRoutes()) {
      const response = await send(route);
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    }
  });

  it("answers 403 or 404 to another council's token, and shows nothing of this council", async () => {
    for (const route of protectedRoutes()) {
      const token = route.access?.kind === 'council' ? outsider : charnwoodAdmin;
      const response = await send(route, token);
      expect([403, 404]).toContain(response.status);
      expect(response.text).not.toMatch(/charnwood/i);
    }
  });

  const badTokens: [string, () => Promise<string>][] = [
    ['a tampered signature', async () => `${(await forgedToken((c) => c)).slice(0, -8)}AAAAAAAA`],
    ['an expired token', () => forgedToken((c) => c, -60)],
    ['a token with no exp', () => forgedToken((c) => c, null)],
    ['a token from another issuer', () => forgedToken((c) => ({ ...c, iss: 'http://localhost:1/realms/due-regard' }))],
    [
      'alg none',
      async () => {
        const [, payload] = (await forgedToken((c) => c)).split('.');
        return `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      },
    ],
  ];

  it.each(badTokens)('answers 401 to %s on every route', async (_, makeToken) => {
    const token = await makeToken();
    for (const route of protectedRoutes()) {
      const response = await send(route, token);
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });
});
