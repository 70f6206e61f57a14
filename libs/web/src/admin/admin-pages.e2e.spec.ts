import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { TEST_REDIS_URL } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from '../../../../test/e2e/support/running-app.js';
import { signedInSessionCookie } from '../testing/web-sessions.js';

// The platform's admin area on the bare domain: platform-admin only, the councils with their
// projection lag (the same figures as /metrics), and registering a council through the form.
const REDIS_URL = `${TEST_REDIS_URL}/8`;
const SESSION_SECRET = `admin-pages-e2e-${randomUUID()}`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface FormPage {
  readonly token: string;
  readonly cookies: string;
}

describe('the admin area', () => {
  let running: RunningApp;
  let redis: Redis;
  let previousSecret: string | undefined;
  let platformAdmin: string;
  let councilAdmin: string;

  beforeAll(async () => {
    previousSecret = process.env['SESSION_SECRET'];
    process.env['SESSION_SECRET'] = SESSION_SECRET;
    running = await startDueRegard({ REDIS_URL });
    redis = new Redis(REDIS_URL);
    const session = (username: string) =>
      signedInSessionCookie({ platformUrl: running.platformUrl, redis, sessionSecret: SESSION_SECRET, username });
    platformAdmin = await session('platform.admin');
    councilAdmin = await session('charnwood.admin');
  });

  afterAll(async () => {
    if (previousSecret === undefined) delete process.env['SESSION_SECRET'];
    else process.env['SESSION_SECRET'] = previousSecret;
    await redis?.quit();
    await running?.close();
  });

  const page = (path: string, cookie?: string) => {
    const sent = request(running.platformUrl).get(path).set('Accept', HTML);
    return cookie === undefined ? sent : sent.set('Cookie', cookie);
  };

  async function openForm(): Promise<FormPage> {
    const response = await page('/admin/councils/new', platformAdmin);
    expect(response.status).toBe(200);
    const cookies: unknown = response.headers['set-cookie'];
    const csrf = Array.isArray(cookies)
      ? cookies.find((cookie): cookie is string => typeof cookie === 'string' && cookie.startsWith('due-regard-csrf='))
      : undefined;
    return {
      token: /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1] ?? '',
      cookies: `${platformAdmin}; ${csrf?.split(';')[0] ?? ''}`,
    };
  }

  const register = (form: FormPage, fields: Record<string, string>) =>
    request(running.platformUrl)
      .post('/admin/councils')
      .set('Accept', HTML)
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, ...fields });

  const VALID = {
    slug: 'rutland',
    name: 'Rutland County Council',
    type: 'unitary',
    nation: 'England',
    region: 'East Midlands',
  };

  it.each(['/admin', '/admin/councils', '/admin/councils/new', '/admin/queues', '/admin/queues/api/queues'])(
    'sends %s to sign-in when nobody is signed in, and refuses a council admin',
    async (path) => {
      const anonymous = await page(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers['location']).toMatch(/^\/sign-in/);
      expect((await page(path, councilAdmin)).status).toBe(403);
      expect((await page(path, platformAdmin)).status).toBe(200);
    },
  );

  it('is not on a council sub-domain', async () => {
    const onCouncil = await page('/admin/councils', platformAdmin).set('Host', running.councilHost('charnwood'));
    expect(onCouncil.status).toBe(404);
  });

  it('lists the councils with the projection lag /metrics reports', async () => {
    const listed = await page('/admin/councils', platformAdmin);
    expect(listed.text).toContain('Charnwood Borough Council');
    expect(listed.text).toContain('charnwood.');
    const scraped = await request(running.platformUrl)
      .get('/metrics')
      .set('Authorization', `Bearer ${await running.tokenFor('platform.admin')}`);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toMatch(/^projection_lag_events\{council="charnwood"\} \d+$/m);
    expect(scraped.text).toMatch(/^projection_lag_oldest_seconds\{council="charnwood"\} [\d.]+$/m);
    expect(scraped.text).toMatch(/^projection_position\{projection="plans-read-model"\} \d+$/m);
  });

  it('refuses a form with errors on its fields and records nothing', async () => {
    const store = running.app.get<EventStore>(EVENT_STORE);
    const before = await store.countEvents({ tenantId: 'platform' });
    const form = await openForm();
    const refused = await register(form, { slug: 'Not A Slug', name: '', type: '', nation: 'Atlantis', region: 'x' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('href="#name"');
    expect(refused.text).toContain('href="#type"');
    expect(refused.text).toContain('href="#nation"');
    const badSlug = await register(form, { ...VALID, slug: 'Not A Slug' });
    expect(badSlug.status).toBe(400);
    expect(badSlug.text).toContain('href="#slug"');
    const taken = await register(form, { ...VALID, slug: 'charnwood' });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('href="#slug"');
    expect(await store.countEvents({ tenantId: 'platform' })).toBe(before);
  });

  it('registers a council through the form, which then has its own sub-domain', async () => {
    const form = await openForm();
    const registered = await register(form, VALID);
    expect(registered.status).toBe(303);
    expect(registered.headers['location']).toBe('/admin/councils');
    const listed = await page('/admin/councils', form.cookies);
    expect(listed.text).toContain('Rutland County Council');
    expect(listed.text).toContain('Council registered');
    // The new sub-domain resolves at once: its published plans page, where an unknown one is 404.
    const published = (slug: string) =>
      page('/public')
        .set('Host', running.councilHost(slug))
        .then((response) => response.status);
    expect(await published('rutland')).toBe(200);
    expect(await published('nowhere')).toBe(404);
  });

  it('serves bull-board over every queue of the app, with its CSP relaxed for inline styles there only', async () => {
    const dashboard = await page('/admin/queues', platformAdmin);
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('__UI_CONFIG__');
    const policy = String(dashboard.headers['content-security-policy']);
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const home = await page('/admin', platformAdmin);
    expect(String(home.headers['content-security-policy'])).not.toContain('unsafe-inline');

    const listed = await page('/admin/queues/api/queues', platformAdmin);
    expect(listed.status).toBe(200);
    const names = (listed.body as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['imports', 'projections']));
    const script = /src="([^"]*static\/js\/main[^"]*)"/.exec(dashboard.text)?.[1] ?? '';
    expect(script).not.toBe('');
    const asset = await page(script.startsWith('/') ? script : `/admin/queues/${script}`, platformAdmin);
    expect(asset.status).toBe(200);
  });
});
