import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

interface Client {
  readonly clientId: string;
  readonly secret?: string;
  readonly directAccessGrantsEnabled?: boolean;
  readonly redirectUris?: readonly string[];
  readonly protocolMappers?: readonly unknown[];
  readonly attributes?: Readonly<Record<string, string>>;
}

interface Realm {
  readonly realm: string;
  readonly bruteForceProtected?: boolean;
  readonly roles?: unknown;
  readonly groups?: readonly unknown[];
  readonly clients: readonly Client[];
  readonly users?: readonly unknown[];
}

function realm(path: string): Realm {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Realm;
}

const development = realm('infra/keycloak/due-regard-realm.json');
const production = realm('infra/keycloak/production/due-regard-realm.json');

// docker-compose.yml imports infra/keycloak/production/ into Keycloak in production mode: the
// development realm's clients and roles, without anything that is only for development.
describe('the production realm', () => {
  it('has no users and no demo councils or forums: people and groups come with registration', () => {
    expect(production.users ?? []).toEqual([]);
    expect(production.groups ?? []).toEqual([]);
  });

  it('allows no password grant, and no client secret is written in the file', () => {
    expect(production.clients.filter((client) => client.directAccessGrantsEnabled === true)).toEqual([]);
    for (const client of production.clients.filter((candidate) => candidate.secret !== undefined)) {
      expect(client.secret).toMatch(/^\$\{DUE_REGARD_[A-Z_]+_CLIENT_SECRET\}$/);
    }
    expect(JSON.stringify(production)).not.toMatch(/dev-secret|localhost/);
  });

  it("sends people back only to the service's configured public URL", () => {
    const web = production.clients.find((client) => client.clientId === 'due-regard-web');
    expect(web?.redirectUris).toEqual(['${DUE_REGARD_PUBLIC_URL}/*']);
    expect(web?.attributes?.['post.logout.redirect.uris']).toBe('${DUE_REGARD_PUBLIC_URL}/*');
  });

  it('keeps the development realm’s clients, token mappers, roles and brute-force protection', () => {
    expect(production.realm).toBe(development.realm);
    expect(production.bruteForceProtected).toBe(true);
    expect(production.roles).toEqual(development.roles);
    expect(production.clients.map((client) => [client.clientId, client.protocolMappers])).toEqual(
      development.clients.map((client) => [client.clientId, client.protocolMappers]),
    );
  });
});
