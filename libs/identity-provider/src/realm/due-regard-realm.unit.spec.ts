import { z } from 'zod';
import { DUE_REGARD_REALM_EXPORT } from '../testing/due-regard-realm.fixture.js';
import { Realm, REALM_NAME } from './realm.js';
import { realmRepresentationSchema, type GroupRepresentation } from './realm-representation.js';

const realmExport = realmRepresentationSchema.parse(DUE_REGARD_REALM_EXPORT);
const realm = Realm.fromRepresentation(DUE_REGARD_REALM_EXPORT);

const WEB_ORIGINS = [
  'http://localhost:3000',
  'http://charnwood.localhost:3000',
  'http://leicestershire.localhost:3000',
];
const COUNCIL_ROLES = ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'];

function clientExport(clientId: string) {
  const client = realmExport.clients.find((candidate) => candidate.clientId === clientId);
  if (client === undefined) throw new Error(`no client ${clientId} in the realm export`);
  return client;
}

function groupPaths(groups: readonly GroupRepresentation[], parent = ''): string[] {
  return groups.flatMap((group) => {
    const path = `${parent}/${group.name}`;
    return [path, ...groupPaths(group.subGroups, path)];
  });
}

describe('infra/keycloak/due-regard-realm.json', () => {
  it('is the enabled due-regard realm with Keycloak token lifespans', () => {
    expect(realmExport.realm).toBe(REALM_NAME);
    expect(realmExport.enabled).toBe(true);
    expect(realm.lifespans).toEqual({
      accessToken: 300,
      code: 60,
      login: 1800,
      ssoSessionIdle: 1800,
      ssoSessionMax: 36000,
    });
  });

  it('has a confidential web client for the authorization code flow with PKCE S256 on the bare domain and both councils', () => {
    const web = clientExport('due-regard-web');
    expect(web).toMatchObject({
      enabled: true,
      publicClient: false,
      bearerOnly: false,
      clientAuthenticatorType: 'client-secret',
      secret: 'due-regard-web-dev-secret',
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      webOrigins: ['+'],
    });
    expect(web.redirectUris).toEqual(WEB_ORIGINS.map((origin) => `${origin}/*`));
    expect(web.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(web.attributes['post.logout.redirect.uris']?.split('##')).toEqual(
      WEB_ORIGINS.map((origin) => `${origin}/*`),
    );
    expect(web.redirectUris.some((uri) => uri.includes('*.'))).toBe(false);
  });

  it('has a bearer-only API client and a public CLI client with the password grant only', () => {
    expect(clientExport('due-regard-api')).toMatchObject({
      enabled: true,
      bearerOnly: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    expect(clientExport('due-regard-cli')).toMatchObject({
      enabled: true,
      publicClient: true,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: true,
    });
    expect(realm.client('due-regard-api')).toMatchObject({
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
  });

  it.each(['due-regard-web', 'due-regard-cli'])(
    '%s puts full group paths and the API audience in tokens',
    (clientId) => {
      const mappers = clientExport(clientId).protocolMappers;
      expect(mappers.find((mapper) => mapper.protocolMapper === 'oidc-group-membership-mapper')?.config).toMatchObject({
        'full.path': 'true',
        'claim.name': 'groups',
        'access.token.claim': 'true',
        'id.token.claim': 'true',
        'userinfo.token.claim': 'true',
      });
      expect(mappers.find((mapper) => mapper.protocolMapper === 'oidc-audience-mapper')?.config).toMatchObject({
        'included.client.audience': 'due-regard-api',
        'access.token.claim': 'true',
      });
      expect(realm.client(clientId)?.groupMappers).toEqual([
        { claimName: 'groups', fullPath: true, accessToken: true, idToken: true, userInfo: true, introspection: true },
      ]);
    },
  );

  it('holds membership as a group tree: councils with their roles and teams, the forum and its roles', () => {
    expect(groupPaths(realmExport.groups).sort()).toEqual(
      [
        '/councils',
        ...['charnwood', 'leicestershire'].flatMap((slug) => [
          `/councils/${slug}`,
          ...COUNCIL_ROLES.map((role) => `/councils/${slug}/${role}`),
        ]),
        '/councils/charnwood/teams',
        '/councils/charnwood/teams/Human Resources',
        '/councils/charnwood/teams/Equality Working Group',
        '/forums',
        '/forums/leicestershire-equalities-forum',
        '/forums/leicestershire-equalities-forum/forum-coordinator',
        '/forums/leicestershire-equalities-forum/forum-member',
      ].sort(),
    );
  });

  it('has the platform-admin realm role', () => {
    expect(realmExport.roles.realm.map((role) => role.name)).toContain('platform-admin');
  });

  it.each([
    ['charnwood.admin', ['/councils/charnwood/council-admin'], false],
    ['charnwood.editor', ['/councils/charnwood/plan-editor'], false],
    ['charnwood.lead', ['/councils/charnwood/action-lead', '/councils/charnwood/teams/Human Resources'], false],
    ['charnwood.viewer', ['/councils/charnwood/viewer'], false],
    ['charnwood.auditor', ['/councils/charnwood/auditor'], false],
    ['leicestershire.admin', ['/councils/leicestershire/council-admin'], false],
    ['leicestershire.editor', ['/councils/leicestershire/plan-editor'], false],
    ['forum.coordinator', ['/forums/leicestershire-equalities-forum/forum-coordinator'], false],
    ['forum.member', ['/forums/leicestershire-equalities-forum/forum-member'], false],
    ['platform.admin', [], true],
  ])('demo user %s: password demo, verified e-mail, names, stable id, groups %j', (username, groups, platformAdmin) => {
    const user = realmExport.users.find((candidate) => candidate.username === username);
    expect(user).toBeDefined();
    expect(z.uuid().safeParse(user?.id).success).toBe(true);
    expect(user).toMatchObject({ enabled: true, emailVerified: true, groups, requiredActions: [] });
    expect(user?.firstName).toEqual(expect.any(String));
    expect(user?.lastName).toEqual(expect.any(String));
    expect(user?.email).toEqual(expect.any(String));
    expect(user?.credentials).toEqual([{ type: 'password', value: 'demo', temporary: false }]);
    const loaded = realm.userByLogin(username);
    expect(loaded?.password).toBe('demo');
    expect(loaded !== undefined && realm.effectiveRealmRoles(loaded).includes('platform-admin')).toBe(platformAdmin);
  });

  it('has exactly the ten demo users, each with its own id', () => {
    expect(realmExport.users).toHaveLength(10);
    expect(new Set(realmExport.users.map((user) => user.id)).size).toBe(10);
  });
});
