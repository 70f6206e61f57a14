import request from 'supertest';
import { readForm } from '../../libs/identity-provider/src/testing/browser.js';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// A council registered through the API signs in on its own sub-domain at once, and so do the demo
// councils on a PORT other than 3000 (this app listens on a free port). Before, the realm's fixed
// redirect URIs named only charnwood and leicestershire at :3000: "Invalid redirect URI".
describe('a newly registered council signs in on the web', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startDueRegard();
    const platformAdmin = await running.tokenFor('platform.admin');
    const registered = await request(running.platformUrl)
      .post('/api/v1/councils')
      .set('Host', `localhost:${running.port}`)
      .auth(platformAdmin, { type: 'bearer' })
      .send({
        slug: 'melton',
        name: 'Melton Borough Council',
        type: 'borough',
        nation: 'England',
        region: 'East Midlands',
      });
    expect(registered.status).toBe(201);
  });

  afterAll(async () => {
    await running?.close();
  });

  /** Cookies by name, as Set-Cookie headers leave them. */
  const cookiesOf = (headers: Record<string, unknown>, jar = new Map<string, string>()): Map<string, string> => {
    const set = headers['set-cookie'];
    for (const header of Array.isArray(set) ? (set as string[]) : []) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      jar.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return jar;
  };
  const cookieHeader = (jar: Map<string, string>): string =>
    [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  /** `/sign-in` on a council's sub-domain: where it sends the browser, and the web's session cookie. */
  async function startSignIn(slug: string): Promise<{ provider: URL; web: Map<string, string> }> {
    const response = await request(running.platformUrl).get('/sign-in').set('Host', running.councilHost(slug));
    expect(response.status).toBe(303);
    return { provider: new URL(String(response.headers['location'])), web: cookiesOf(response.headers) };
  }

  const atProvider = (url: URL, cookies = '') =>
    request(running.platformUrl)
      .get(`${url.pathname}${url.search}`)
      .set('Host', `localhost:${running.port}`)
      .set('Cookie', cookies);

  it.each(['melton', 'charnwood'])(
    'shows the sign-in form to %s, whose callback is on its sub-domain',
    async (slug) => {
      const { provider } = await startSignIn(slug);
      expect(provider.searchParams.get('redirect_uri')).toBe(`http://${running.councilHost(slug)}/auth/callback`);
      const page = await atProvider(provider);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Sign in to Due Regard');
    },
  );

  it('refuses a sub-domain no council is registered at, and another port', async () => {
    const { provider } = await startSignIn('melton');
    for (const elsewhere of [`nowhere.localhost:${running.port}`, `melton.localhost:${running.port + 1}`]) {
      const forged = new URL(provider);
      forged.searchParams.set('redirect_uri', `http://${elsewhere}/auth/callback`);
      const page = await atProvider(forged);
      expect(page.status).toBe(400);
      expect(page.text).toContain('Invalid redirect URI');
    }
  });

  it('signs a person in on the new sub-domain, through to its home page', async () => {
    const { provider, web } = await startSignIn('melton');
    const page = await atProvider(provider);
    const idp = cookiesOf(page.headers);
    const form = readForm(page.text);
    const action = new URL(form.action, running.platformUrl);
    const submitted = await request(running.platformUrl)
      .post(`${action.pathname}${action.search}`)
      .set('Host', `localhost:${running.port}`)
      .set('Cookie', cookieHeader(idp))
      .type('form')
      .send({ ...form.fields, username: 'platform.admin', password: 'demo' });
    expect(submitted.status).toBe(302);
    const callback = new URL(String(submitted.headers['location']));
    expect(callback.host).toBe(running.councilHost('melton'));
    const signedIn = await request(running.platformUrl)
      .get(`${callback.pathname}${callback.search}`)
      .set('Host', running.councilHost('melton'))
      .set('Cookie', cookieHeader(web));
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers['location']).toBe('/');
  });
});
