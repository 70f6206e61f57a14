import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeycloakAdminUserDirectory } from './keycloak-admin.user-directory.js';

/** What Keycloak would answer: a client-credentials token endpoint and the admin users resource. */
function fakeKeycloak(): { server: Server; requests: string[]; tokensIssued: () => number } {
  const requests: string[] = [];
  let issued = 0;
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
        if (
          form.get('grant_type') !== 'client_credentials' ||
          form.get('client_id') !== 'due-regard-web' ||
          form.get('client_secret') !== 'secret'
        ) {
          response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized_client"}');
          return;
        }
        issued += 1;
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: `token-${issued}`, expires_in: 300, token_type: 'Bearer' }));
        return;
      }
      const user = /^\/admin\/realms\/due-regard\/users\/([^/]+)$/.exec(url);
      if (request.method === 'GET' && user !== null) {
        if (request.headers.authorization !== `Bearer token-${issued}`) {
          response.writeHead(401).end();
          return;
        }
        if (user[1] === 'grace') {
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: 'grace', username: 'charnwood.lead', firstName: 'Grace', lastName: 'Okafor' }));
          return;
        }
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"User not found"}');
        return;
      }
      response.writeHead(404).end();
    })();
  });
  return { server, requests, tokensIssued: () => issued };
}

describe('names from the Keycloak Admin REST API', () => {
  const keycloak = fakeKeycloak();
  let keycloakUrl: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => keycloak.server.listen(0, '127.0.0.1', resolve));
    keycloakUrl = `http://127.0.0.1:${(keycloak.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => keycloak.server.close(resolve));
  });

  it('asks for a service-account token once, then each user by id; unknown users are left out', async () => {
    const directory = new KeycloakAdminUserDirectory({
      keycloakUrl,
      realm: 'due-regard',
      clientId: 'due-regard-web',
      clientSecret: 'secret',
    });
    const names = await directory.displayNames(['grace', 'nobody', 'grace']);
    expect(Object.fromEntries(names)).toEqual({ grace: 'Grace Okafor' });
    expect(keycloak.requests).toEqual([
      'POST /realms/due-regard/protocol/openid-connect/token',
      'GET /admin/realms/due-regard/users/grace',
      'GET /admin/realms/due-regard/users/nobody',
    ]);
    await directory.displayNames(['grace']);
    expect(keycloak.tokensIssued()).toBe(1);
  });

  it('fails loudly when Keycloak refuses the client', async () => {
    const directory = new KeycloakAdminUserDirectory({
      keycloakUrl,
      realm: 'due-regard',
      clientId: 'due-regard-web',
      clientSecret: 'wrong',
    });
    await expect(directory.displayNames(['grace'])).rejects.toThrow(/refused/);
  });
});
