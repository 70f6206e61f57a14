import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeycloakClientRedirects } from './keycloak-client-redirects.js';

interface StoredClient {
  id: string;
  clientId: string;
  redirectUris: string[];
  attributes: Record<string, string>;
  publicClient: boolean;
}

/**
 * Keycloak's Admin REST API as far as the web client goes: a client-credentials token, the clients
 * query by clientId, and the whole-client PUT, which replaces the stored client.
 */
function fakeKeycloak(): { server: Server; client: () => StoredClient; requests: string[] } {
  const requests: string[] = [];
  let client: StoredClient = {
    id: '4a1f',
    clientId: 'due-regard-web',
    redirectUris: ['https://due-regard.example/*'],
    attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': 'https://due-regard.example/*' },
    publicClient: false,
  };
  const body = (request: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => resolve(text));
    });
  const server = createServer((request, response) => {
    void (async () => {
      const url = request.url ?? '';
      requests.push(`${request.method ?? ''} ${url}`);
      if (request.method === 'POST' && url === '/realms/due-regard/protocol/openid-connect/token') {
        const form = new URLSearchParams(await body(request));
        if (form.get('client_secret') !== 'secret') {
          response.writeHead(401).end('{"error":"unauthorized_client"}');
          return;
        }
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: 'admin-token', expires_in: 300 }));
        return;
      }
      if (request.headers.authorization !== 'Bearer admin-token') {
        response.writeHead(401).end();
        return;
      }
      if (request.method === 'GET' && url === '/admin/realms/due-regard/clients?clientId=due-regard-web') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([client]));
        return;
      }
      if (request.method === 'PUT' && url === `/admin/realms/due-regard/clients/${client.id}`) {
        client = JSON.parse(await body(request)) as StoredClient;
        response.writeHead(204).end();
        return;
      }
      response.writeHead(404).end();
    })();
  });
  return { server, client: () => client, requests };
}

describe("a council's sub-domain added to the web client in Keycloak", () => {
  const keycloak = fakeKeycloak();
  let redirects: KeycloakClientRedirects;

  beforeAll(async () => {
    await new Promise<void>((resolve) => keycloak.server.listen(0, '127.0.0.1', resolve));
    const keycloakUrl = `http://127.0.0.1:${(keycloak.server.address() as AddressInfo).port}`;
    redirects = new KeycloakClientRedirects(
      { keycloakUrl, realm: 'due-regard', clientId: 'due-regard-web', clientSecret: 'secret' },
      'due-regard-web',
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => keycloak.server.close(resolve));
  });

  it('adds the origin as a redirect and a post-logout redirect URI, keeping the rest of the client', async () => {
    expect(await redirects.addOrigin('https://melton.due-regard.example')).toBe(true);
    expect(keycloak.client()).toEqual({
      id: '4a1f',
      clientId: 'due-regard-web',
      redirectUris: ['https://due-regard.example/*', 'https://melton.due-regard.example/*'],
      attributes: {
        'pkce.code.challenge.method': 'S256',
        'post.logout.redirect.uris': 'https://due-regard.example/*##https://melton.due-regard.example/*',
      },
      publicClient: false,
    });
    expect(keycloak.requests).toEqual([
      'POST /realms/due-regard/protocol/openid-connect/token',
      'GET /admin/realms/due-regard/clients?clientId=due-regard-web',
      'PUT /admin/realms/due-regard/clients/4a1f',
    ]);
  });

  it('changes nothing for an origin that is there already', async () => {
    const before = keycloak.requests.length;
    expect(await redirects.addOrigin('https://melton.due-regard.example')).toBe(false);
    expect(keycloak.requests.slice(before)).toEqual(['GET /admin/realms/due-regard/clients?clientId=due-regard-web']);
  });
});
