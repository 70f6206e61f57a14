import { Realm, RealmError } from './realm.js';

const client = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  clientId: 'web',
  enabled: true,
  publicClient: false,
  secret: 's',
  standardFlowEnabled: true,
  directAccessGrantsEnabled: false,
  redirectUris: ['http://localhost:3000/*'],
  ...overrides,
});

const representation = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  realm: 'due-regard',
  enabled: true,
  roles: {
    realm: [{ name: 'base' }, { name: 'bundle', composite: true, composites: { realm: ['base'] } }, { name: 'editor' }],
  },
  groups: [
    {
      name: 'councils',
      realmRoles: ['bundle'],
      subGroups: [{ name: 'charnwood', subGroups: [{ name: 'plan-editor', realmRoles: ['editor'] }] }],
    },
  ],
  clients: [client()],
  users: [
    {
      id: 'u1',
      username: 'Ann.Editor',
      enabled: true,
      email: 'Ann@Example.org',
      credentials: [{ type: 'password', value: 'pw' }],
      groups: ['/councils/charnwood/plan-editor'],
    },
  ],
  ...overrides,
});

function problemOf(input: unknown): string {
  try {
    Realm.fromRepresentation(input);
  } catch (error) {
    if (error instanceof RealmError) return error.message;
    throw error;
  }
  throw new Error('the realm loaded');
}

describe('Realm', () => {
  const realm = Realm.fromRepresentation(representation());

  it('fills in Keycloak defaults for lifespans', () => {
    expect(realm.lifespans).toEqual({
      accessToken: 300,
      code: 60,
      login: 1800,
      ssoSessionIdle: 1800,
      ssoSessionMax: 36000,
    });
  });

  it('finds users by username, case-insensitively, or by e-mail', () => {
    expect(realm.userByLogin(' ann.editor ')?.id).toBe('u1');
    expect(realm.userByLogin('ann@example.org')?.id).toBe('u1');
    expect(realm.userByLogin('')).toBeUndefined();
    expect(
      Realm.fromRepresentation(representation({ loginWithEmailAllowed: false })).userByLogin('ann@example.org'),
    ).toBeUndefined();
  });

  it('derives realm roles from the user, the groups and their ancestors, and composites', () => {
    const user = realm.userById('u1');
    expect(user && realm.effectiveRealmRoles(user)).toEqual(['base', 'bundle', 'editor']);
  });

  it('splits post-logout redirect URIs on ## and reads + as the redirect URIs', () => {
    const withLogout = Realm.fromRepresentation(
      representation({
        clients: [client({ attributes: { 'post.logout.redirect.uris': '+##http://other.example/bye' } })],
      }),
    );
    expect(withLogout.client('web')?.postLogoutRedirectUris).toEqual([
      'http://localhost:3000/*',
      'http://other.example/bye',
    ]);
  });

  it('does not let a bearer-only client use any flow', () => {
    const api = Realm.fromRepresentation(
      representation({ clients: [client({ bearerOnly: true, directAccessGrantsEnabled: true })] }),
    );
    expect(api.client('web')).toMatchObject({ standardFlowEnabled: false, directAccessGrantsEnabled: false });
  });

  it.each([
    [
      'a missing flow flag',
      representation({ clients: [client({ standardFlowEnabled: undefined })] }),
      'clients.0.standardFlowEnabled',
    ],
    [
      'an unknown group',
      representation({ users: [{ id: 'u', username: 'x', enabled: true, groups: ['/nowhere'] }] }),
      'unknown group /nowhere',
    ],
    [
      'an unknown role',
      representation({ users: [{ id: 'u', username: 'x', enabled: true, realmRoles: ['ghost'] }] }),
      'unknown realm role ghost',
    ],
    ['a group path that lies', representation({ groups: [{ name: 'a', path: '/b' }] }), 'group /a declares path /b'],
    [
      'an audience nobody is',
      representation({
        clients: [
          client({
            protocolMappers: [
              {
                name: 'aud',
                protocol: 'openid-connect',
                protocolMapper: 'oidc-audience-mapper',
                config: { 'included.client.audience': 'api' },
              },
            ],
          }),
        ],
      }),
      'unknown client api',
    ],
    [
      'PKCE plain',
      representation({ clients: [client({ attributes: { 'pkce.code.challenge.method': 'plain' } })] }),
      'PKCE method plain',
    ],
    [
      'a confidential client without secret',
      representation({ clients: [client({ secret: undefined })] }),
      'confidential but has no secret',
    ],
    [
      'the same username twice',
      representation({
        users: [
          { id: 'a', username: 'same', enabled: true },
          { id: 'b', username: 'SAME', enabled: true },
        ],
      }),
      'user SAME is defined twice',
    ],
    ['a disabled realm', representation({ enabled: false }), 'is disabled'],
  ])('refuses %s', (_, input, message) => {
    expect(problemOf(input)).toContain(message);
  });
});
