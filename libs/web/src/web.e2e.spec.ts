import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { startDueRegard, type RunningApp } from '../../../test/e2e/support/running-app.js';
import { signedInSessionCookie } from './testing/web-sessions.js';

// The whole sign-in journey through the provider's page runs in a real browser (test/browser):
// the realm registers redirect URIs on port 3000 only. Here, on a free port, a signed-in session is
// put straight into Redis, holding tokens the embedded provider issued (password grant), to check
// what the web does with it.
const SESSION_SECRET = `web-e2e-${randomUUID()}`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web service on the whole app', () => {
  let running: RunningApp;
  let redis: Redis;
  let previousSecret: string | undefined;

  beforeAll(async () => {
    previousSecret = process.env['SESSION_SECRET'];
    process.env['SESSION_SECRET'] = SESSION_SECRET;
    running = await startDueRegard();
    redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    if (previousSecret === undefined) delete process.env['SESSION_SECRET'];
    else process.env['SESSION_SECRET'] = previousSecret;
    await redis?.quit();
    await running?.close();
  });

  const charnwood = () => running.councilHost('charnwood');
  const bare = () => `localhost:${running.port}`;
  const page = (path: string, host: string) =>
    request(running.platformUrl).get(path).set('Host', host).set('Accept', HTML);

  /** A signed-in session as the callback would leave it, and the cookie that names it. */
  function signedInAs(username: string, displayName: string): Promise<string> {
    return signedInSessionCookie({
      platformUrl: running.platformUrl,
      redis,
      sessionSecret: SESSION_SECRET,
      username,
      displayName,
    });
  }

  function cookieNamed(response: request.Response, name: string): string | undefined {
    const cookies: unknown = response.headers['set-cookie'];
    return Array.isArray(cookies)
      ? cookies.find((cookie): cookie is string => typeof cookie === 'string' && cookie.startsWith(`${name}=`))
      : undefined;
  }

  describe('pages anyone may see', () => {
    it("shows a council's published plans without signing in, and sets no cookie", async () => {
      const response = await page('/public', charnwood());
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.text).toContain('<html lang="en-GB"');
      expect(response.text).toContain('<title>Published plans – Charnwood Borough Council – Due Regard</title>');
      expect(response.text).toContain('<h1 class="govuk-heading-l">Published plans</h1>');
      expect(response.text).toContain('Charnwood Borough Council has not published any plans on Due Regard yet.');
      expect(response.text).toContain('href="#main-content"');
      expect(response.text).toContain('href="/accessibility"');
      expect(response.text).toContain('href="/cookies"');
      expect(response.text).toContain('govuk-phase-banner');
    });

    it('lists the councils on the bare domain, each linking to its own sub-domain', async () => {
      const response = await page('/', bare());
      expect(response.status).toBe(200);
      expect(response.text).toContain('<title>Equality action plans for councils – Due Regard</title>');
      expect(response.text).toContain(`href="http://charnwood.localhost:${running.port}/"`);
      expect(response.text).toContain(`href="http://leicestershire.localhost:${running.port}/"`);
      expect(response.text).toContain('Leicestershire County Council');
    });

    it.each(['/accessibility', '/cookies'])('serves %s on the bare domain and on councils', async (path) => {
      for (const host of [bare(), charnwood()]) {
        const response = await page(path, host);
        expect(response.status).toBe(200);
      }
      const statement = await page('/accessibility', charnwood());
      expect(statement.text).toContain('Accessibility statement for Due Regard');
      expect(statement.text).toContain('Compliance status');
      expect(statement.text).toContain('Enforcement procedure');
      expect(statement.text).toContain('This statement was prepared on');
      const cookies = await page('/cookies', charnwood());
      expect(cookies.text).toContain('due-regard-session');
      expect(cookies.text).toContain('due-regard-csrf');
    });

    it('sends a policy that allows only our own scripts and the page nonce, and no inline styles', async () => {
      const response = await page('/public', charnwood());
      const policy = String(response.headers['content-security-policy']);
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce).toBeDefined();
      expect(policy).toContain("script-src 'self' 'nonce-");
      expect(policy).toContain("style-src 'self';");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain(`form-action 'self' http://localhost:${running.port}`);
      expect(response.text).toContain(`<script nonce="${nonce}">document.body.className`);
      expect(response.text).toContain('<script type="module" src="/assets/app/init.js');
    });
  });

  describe('assets', () => {
    it("serves the service's stylesheet, govuk-frontend's ES module bundle and our own files", async () => {
      const css = await request(running.platformUrl).get('/assets/app/service.css').set('Host', charnwood());
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      expect(css.text).toContain('.govuk-button');
      expect(css.text).toContain('.app-header');
      // Built for a service outside GOV.UK: GOV.UK's typeface is neither named nor downloaded.
      expect(css.text).not.toContain('GDS Transport');
      expect(css.text).not.toContain('@font-face');
      expect(css.text).toContain('font-family:arial,sans-serif');
      const bundle = await request(running.platformUrl).get('/assets/govuk-frontend.min.js').set('Host', charnwood());
      expect(bundle.status).toBe(200);
      expect(bundle.headers['content-type']).toMatch(/javascript/);
      expect(bundle.text).toContain('initAll');
      const init = await request(running.platformUrl).get('/assets/app/init.js').set('Host', bare());
      expect(init.status).toBe(200);
    });

    it.each([
      '/assets/fonts/bold-b542beb274-v2.woff2',
      '/assets/../package.json',
      '/assets/app/../../web.module.ts',
      '/assets/images/govuk-crest.svg',
    ])('serves nothing else: %s', async (path) => {
      const response = await request(running.platformUrl).get(path).set('Host', charnwood());
      expect(response.status).toBe(404);
    });
  });

  describe('signing in', () => {
    it("sends someone who is not signed in from the council's home to sign in, and back", async () => {
      const response = await page('/', charnwood());
      expect(response.status).toBe(303);
      expect(response.headers['location']).toBe('/sign-in?returnTo=%2F');
      expect(response.headers['www-authenticate']).toBeUndefined();
    });

    it('starts an authorization code flow with PKCE, state and nonce, back to the council sub-domain', async () => {
      const response = await page('/sign-in?returnTo=%2F', charnwood());
      expect(response.status).toBe(303);
      const location = new URL(String(response.headers['location']));
      expect(`${location.origin}${location.pathname}`).toBe(
        `http://localhost:${running.port}/realms/due-regard/protocol/openid-connect/auth`,
      );
      expect(Object.fromEntries(location.searchParams)).toEqual({
        client_id: 'due-regard-web',
        redirect_uri: `http://charnwood.localhost:${running.port}/auth/callback`,
        response_type: 'code',
        scope: 'openid profile',
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
        code_challenge_method: 'S256',
        state: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/) as unknown,
        nonce: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/) as unknown,
      });
      const cookie = cookieNamed(response, 'due-regard-session');
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).not.toMatch(/; Secure/);
      expect(cookie).not.toMatch(/; Domain=/i);
    });

    it('refuses a callback whose state it did not issue, with a page', async () => {
      const response = await page('/auth/callback?code=forged&state=forged', charnwood());
      expect(response.status).toBe(400);
      expect(response.text).toContain('Sorry, you could not be signed in');
    });
  });

  describe('signed in', () => {
    it("shows a Charnwood action lead the dashboard on Charnwood's home, naming them and their role", async () => {
      const cookie = await signedInAs('charnwood.lead', 'Charnwood Lead');
      const response = await page('/', charnwood()).set('Cookie', cookie);
      expect(response.status).toBe(200);
      expect(response.text).toContain('<title>Home – Charnwood Borough Council – Due Regard</title>');
      expect(response.text).toContain('<h1 class="govuk-heading-l">Dashboard</h1>');
      expect(response.text).toContain(
        'You’re signed in as Grace Okafor, an action lead for Charnwood Borough Council, in the team Human Resources.',
      );
      expect(response.text).toContain('Charnwood Borough Council has no published action plan.');
      expect(response.text).toContain('action="/sign-out"');
      expect(response.text).toMatch(/name="_csrf" value="[^"]+"/);
    });

    it("shows a Leicestershire editor a 403 page on Charnwood's home, naming nothing of Charnwood's work", async () => {
      const cookie = await signedInAs('leicestershire.editor', 'Leicestershire Editor');
      const response = await page('/', charnwood()).set('Cookie', cookie);
      expect(response.status).toBe(403);
      expect(response.text).toContain('You do not have access to this page');
      expect(response.text).not.toContain('Dashboard');
      // The menu offers nothing of Charnwood but what anyone may read.
      const links = [...response.text.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)];
      expect(links.map((match) => match[1])).toEqual(['/public']);
    });

    it('keeps the navigation of the roles on public pages too: Import and Settings for an admin, neither for a viewer (both read Accreditations and Reports)', async () => {
      const navigationLinks = (html: string) =>
        [...html.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((match) => match[1]);
      const admin = await signedInAs('charnwood.admin', 'Charnwood Admin');
      const adminPublic = await page('/public', charnwood()).set('Cookie', admin);
      expect(adminPublic.status).toBe(200);
      expect(navigationLinks(adminPublic.text)).toEqual([
        '/',
        '/plans',
        '/accreditations',
        '/imports/new',
        '/reports',
        '/public',
        '/forums',
        '/settings',
      ]);
      const adminHome = await page('/', charnwood()).set('Cookie', admin);
      expect(navigationLinks(adminHome.text)).toEqual(navigationLinks(adminPublic.text));

      const viewer = await signedInAs('charnwood.viewer', 'Charnwood Viewer');
      const viewerPublic = await page('/public', charnwood()).set('Cookie', viewer);
      expect(navigationLinks(viewerPublic.text)).toEqual(['/', '/plans', '/accreditations', '/reports', '/public']);
      const anonymous = await page('/public', charnwood());
      expect(navigationLinks(anonymous.text)).toEqual(['/public', '/sign-in']);
    });

    it('keeps the JSON API on bearer tokens: a session cookie there signs nobody in', async () => {
      const cookie = await signedInAs('charnwood.lead', 'Charnwood Lead');
      const response = await request(running.platformUrl)
        .get('/api/v1/council')
        .set('Host', charnwood())
        .set('Cookie', cookie);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    });

    it('signs out with the form: the session ends here and at the provider (RP-initiated logout)', async () => {
      const cookie = await signedInAs('charnwood.lead', 'Charnwood Lead');
      const home = await page('/', charnwood()).set('Cookie', cookie);
      const token = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1] ?? '';
      const csrfCookie = cookieNamed(home, 'due-regard-csrf')?.split(';')[0] ?? '';
      expect(cookieNamed(home, 'due-regard-csrf')).toMatch(
        /; HttpOnly.*; SameSite=Strict|; SameSite=Strict.*; HttpOnly/,
      );

      const forged = await request(running.platformUrl)
        .post('/sign-out')
        .set('Host', charnwood())
        .set('Accept', HTML)
        .set('Cookie', `${cookie}; ${csrfCookie}`)
        .type('form')
        .send({ _csrf: 'not-the-token' });
      expect(forged.status).toBe(403);
      expect(forged.text).toContain('This form has expired');

      const signedOut = await request(running.platformUrl)
        .post('/sign-out')
        .set('Host', charnwood())
        .set('Accept', HTML)
        .set('Cookie', `${cookie}; ${csrfCookie}`)
        .type('form')
        .send({ _csrf: token });
      expect(signedOut.status).toBe(303);
      const location = new URL(String(signedOut.headers['location']));
      expect(`${location.origin}${location.pathname}`).toBe(
        `http://localhost:${running.port}/realms/due-regard/protocol/openid-connect/logout`,
      );
      expect(location.searchParams.get('id_token_hint')).toMatch(/^ey/);
      expect(location.searchParams.get('post_logout_redirect_uri')).toBe(
        `http://charnwood.localhost:${running.port}/signed-out`,
      );

      const after = await page('/', charnwood()).set('Cookie', cookie);
      expect(after.status).toBe(303);
    });

    it('signs out someone whose session already ended without asking for a token: nothing is left to protect', async () => {
      const response = await request(running.platformUrl)
        .post('/sign-out')
        .set('Host', charnwood())
        .set('Accept', HTML)
        .type('form')
        .send({});
      expect(response.status).toBe(303);
      const location = new URL(String(response.headers['location']));
      expect(location.pathname).toBe('/realms/due-regard/protocol/openid-connect/logout');
      expect(location.searchParams.get('id_token_hint')).toBeNull();
      expect(location.searchParams.get('client_id')).toBe('due-regard-web');
    });
  });

  describe('errors, as pages for browsers and problem details for everyone else', () => {
    it('answers an unknown council with a 404 page that points to the list of councils', async () => {
      const response = await page('/', running.councilHost('nowhere'));
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('There is no council on Due Regard at this web address.');
      expect(response.text).not.toContain('nowhere');
    });

    it('answers a missing page on a council with a 404 page', async () => {
      const response = await page('/no-such-page', charnwood());
      expect(response.status).toBe(404);
      expect(response.text).toContain('<title>Page not found – Charnwood Borough Council – Due Regard</title>');
    });

    it('answers plan, strategy and action addresses that name nothing with a 404 page, and filters the form never sends with a 400 page', async () => {
      const cookie = await signedInAs('charnwood.viewer', 'Charnwood Viewer');
      for (const path of [
        '/plans/no-such-plan',
        '/plans/not%20an%20id',
        '/strategies/no-such-strategy',
        '/plans/no-such-plan/actions/no-such-action/history',
        '/public/plans/no-such-plan',
      ]) {
        const response = await page(path, charnwood()).set('Cookie', cookie);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        expect(response.text).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
      }
      const filtered = await page('/plans/no-such-plan?status=finished', charnwood()).set('Cookie', cookie);
      expect(filtered.status).toBe(400);
      expect(filtered.text).toContain('Sorry, there is a problem');
    });

    it('keeps problem details for API clients and for anything under /api', async () => {
      const unknown = await request(running.platformUrl).get('/').set('Host', running.councilHost('nowhere'));
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
      const api = await page('/api/v1/no-such-thing', charnwood());
      expect(api.status).toBe(404);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('leaves the web pages out of the OpenAPI document', async () => {
      const document = await request(running.platformUrl).get('/api/docs-json').set('Host', bare());
      const paths = Object.keys((document.body as { paths: Record<string, unknown> }).paths);
      expect(
        paths.filter(
          (path) => !path.startsWith('/api/') && !path.startsWith('/health') && !path.startsWith('/realms/'),
        ),
      ).toEqual([]);
    });
  });
});
