import { SignJWT, type JWTPayload } from 'jose';
import request from 'supertest';
import {
  ACCESS_OPENAPI_EXTENSION,
  councilRolesOf,
  forumRolesOf,
  isPlatformAdmin,
  type AccessRule,
  type Principal,
} from '@due-regard/identity';
import { councilRolesFor, forumRolesFor } from '@due-regard/forums';
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
const FORUM = 'leicestershire-equalities-forum';

/** Every user of the demo realm: each council role, the forum's coordinator and member, the platform admin. */
const DEMO_USERS = [
  'charnwood.admin',
  'charnwood.editor',
  'charnwood.lead',
  'charnwood.viewer',
  'charnwood.auditor',
  'leicestershire.admin',
  'leicestershire.editor',
  'forum.coordinator',
  'forum.member',
  'platform.admin',
] as const;

/** What the access token says of its holder, as the guard reads it. */
function principalOf(token: string): Principal {
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    preferred_username: string;
    groups?: string[];
    realm_access?: { roles?: string[] };
  };
  return {
    subject: claims.sub,
    username: claims.preferred_username,
    displayName: claims.preferred_username,
    clientId: 'due-regard-cli',
    groups: claims.groups ?? [],
    realmRoles: claims.realm_access?.roles ?? [],
  };
}

/**
 * What a route's declared access lets this person do on this host: `allowed`, `forbidden` (403:
 * right address, wrong person) or `absent` (404: the route is not served on this host).
 */
function expectedAccess(rule: AccessRule | undefined, person: Principal, host: 'platform' | 'charnwood') {
  const council = (roles: readonly string[]) =>
    councilRolesOf(person, 'charnwood').some((role) => roles.includes(role));
  switch (rule?.kind) {
    case undefined:
    case 'public':
      return 'allowed';
    case 'platform':
      return host !== 'platform' ? 'absent' : isPlatformAdmin(person) ? 'allowed' : 'forbidden';
    case 'council':
      return host !== 'charnwood' ? 'absent' : council(rule.roles) ? 'allowed' : 'forbidden';
    case 'forum':
      if (host === 'platform') {
        return forumRolesOf(person, FORUM).some((role) => rule.roles.includes(role)) ? 'allowed' : 'forbidden';
      }
      if (rule.councilRoles === undefined) return 'absent';
      return council(rule.councilRoles) ? 'allowed' : 'forbidden';
  }
}

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
        path: path.replace(/\{forum\}/g, FORUM).replace(/\{[^}]+\}/g, PLACEHOLDER_ID),
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

  it('gives every forum route to exactly the roles its policy names, on each host, with every demo user', async () => {
    const forumRoutes = protectedRoutes().filter((route) => /\/forum/.test(route.path));
    // Each route declares what the forums policy table says.
    expect(
      Object.fromEntries(forumRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route.access])),
    ).toEqual({
      'POST /api/v1/forums': { kind: 'platform', roles: ['platform-admin'] },
      [`POST /api/v1/forums/${FORUM}/invitations`]: { kind: 'forum', roles: forumRolesFor('inviteCouncil') },
      [`PUT /api/v1/forums/${FORUM}/settings`]: { kind: 'forum', roles: forumRolesFor('changeComparisonSettings') },
      'GET /api/v1/forum-invitations': { kind: 'council', roles: councilRolesFor('readInvitations') },
      [`PUT /api/v1/forums/${FORUM}/consent`]: { kind: 'council', roles: councilRolesFor('answerInvitation') },
      [`DELETE /api/v1/forums/${FORUM}/consent`]: { kind: 'council', roles: councilRolesFor('answerInvitation') },
      [`GET /api/v1/forums/${FORUM}/comparison`]: {
        kind: 'forum',
        roles: forumRolesFor('readComparison'),
        councilRoles: councilRolesFor('readComparison'),
      },
    });
    const outcomes: string[] = [];
    for (const username of DEMO_USERS) {
      const token = await running.tokenFor(username);
      const person = principalOf(token);
      for (const route of forumRoutes) {
        for (const host of ['platform', 'charnwood'] as const) {
          const agent = request(running.platformUrl);
          const call = agent[route.method](route.path)
            .set('Host', host === 'platform' ? `localhost:${running.port}` : running.councilHost(host))
            .set('Authorization', `Bearer ${token}`);
          // Bodies that are empty: an allowed person is refused for the body (400), never for who they are.
          const response = route.method === 'get' || route.method === 'delete' ? await call : await call.send({});
          const expected = expectedAccess(route.access, person, host);
          const actual =
            response.status === 403
              ? 'forbidden'
              : expected === 'absent' && response.status === 404
                ? 'absent'
                : 'allowed';
          if (actual !== expected || response.status === 401) {
            outcomes.push(
              `${username} ${route.method.toUpperCase()} ${route.path} on ${host}: ${response.status}, expected ${expected}`,
            );
          }
          if (expected !== 'allowed') expect(response.text).not.toMatch(/Charnwood Borough|"charnwood"/);
        }
      }
    }
    expect(outcomes).toEqual([]);
  });
});
