import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// With KEYCLOAK_URL set, the app adds every registered council's sub-domain to the web client's
// redirect URIs through Keycloak's Admin REST API: here a stand-in Keycloak answering the three
// calls it makes (token, the client by clientId, the whole-client PUT). The demo councils are
// registered at start, so both must be on the client soon after.
/** The web client's development secret (WEB_CLIENT_SECRET unset). */
const WEB_SECRET = 'due-regard-web-dev-secret';

interface StoredClient {
  readonly id: string;
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

describe('council sub-domains added to the web client in Keycloak', () => {
  let keycloak: Server;
  let client: StoredClient = { id: 'web-1', clientId: 'due-regard-web', redirectUris: [], attributes: {} };
  let running: RunningApp;

  const body = (request: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => resolve(text));
    });

  beforeAll(async () => {
    keycloak = createServer((request, response) => {
      void (async () => {
        const url = request.url ?? '';
        if (request.method === 'POST' && url === '/realms/due-regard/protocol/openid-connect/token') {
          const form = new URLSearchParams(await body(request));
          if (form.get('client_id') !== 'due-regard-web' || form.get('client_secret') !== WEB_SECRET) {
            response.writeHead(401).end();
            return;
          }
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ access_token: 'admin', expires_in: 300 }));
        } else if (request.headers.authorization !== 'Bearer admin') {
          response.writeHead(401).end();
        } else if (request.method === 'GET' && url === '/admin/realms/due-regard/clients?clientId=due-regard-web') {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([client]));
        } else if (request.method === 'PUT' && url === '/admin/realms/due-regard/clients/web-1') {
          client = JSON.parse(await body(request)) as StoredClient;
          response.writeHead(204).end();
        } else {
          response.writeHead(404).end();
        }
      })();
    });
    await new Promise<void>((resolve) => keycloak.listen(0, '127.0.0.1', resolve));
    const keycloakUrl = `http://127.0.0.1:${(keycloak.address() as AddressInfo).port}`;
    running = await startDueRegard({ KEYCLOAK_URL: keycloakUrl });
  });

  afterAll(async () => {
    await running?.close();
    await new Promise((resolve) => keycloak?.close(resolve));
  });

  it('adds each registered council as a redirect and post-logout redirect URI', async () => {
    const expected = ['charnwood', 'leicestershire'].map((slug) => `http://${running.councilHost(slug)}/*`);
    for (let attempt = 0; attempt < 200 && !expected.every((uri) => client.redirectUris.includes(uri)); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...client.redirectUris].sort()).toEqual(expected);
    expect(client.attributes['post.logout.redirect.uris']?.split('##').sort()).toEqual(expected);
  });
});
