import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { EVENT_STORE, streamName, type EventStore } from '@due-regard/event-store';
import { startDueRegard, type RunningApp } from '../../../../test/e2e/support/running-app.js';
import { signedInSessionCookie } from '../testing/web-sessions.js';

// The accreditation forms over HTTP against the whole app, as a browser without JavaScript sends
// them: what they refuse (with the field named, nothing stored), a form sent against a version
// someone else changed meanwhile, and who is offered and allowed which form. Sessions are put
// straight into Redis holding the provider's tokens, as the plan forms' suite does.
const SESSION_SECRET = `accreditation-forms-e2e-${randomUUID()}`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface FormPage {
  readonly status: number;
  readonly text: string;
  readonly token: string;
  readonly cookies: string;
}

describe('the accreditation forms on the whole app', () => {
  let running: RunningApp;
  let redis: Redis;
  let store: EventStore;
  let previousSecret: string | undefined;
  const sessions = new Map<string, Promise<string>>();

  beforeAll(async () => {
    previousSecret = process.env['SESSION_SECRET'];
    process.env['SESSION_SECRET'] = SESSION_SECRET;
    running = await startDueRegard();
    redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    store = running.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    if (previousSecret === undefined) delete process.env['SESSION_SECRET'];
    else process.env['SESSION_SECRET'] = previousSecret;
    await redis?.quit();
    await running?.close();
  });

  const charnwood = () => running.councilHost('charnwood');
  const events = (scheme: string) => store.readStream(streamName('accreditation', 'charnwood', scheme));

  function signedInAs(username: string): Promise<string> {
    const existing = sessions.get(username);
    if (existing !== undefined) return existing;
    const created = signedInSessionCookie({
      platformUrl: running.platformUrl,
      redis,
      sessionSecret: SESSION_SECRET,
      username,
    });
    sessions.set(username, created);
    return created;
  }

  async function page(path: string, username: string) {
    return request(running.platformUrl)
      .get(path)
      .set('Host', charnwood())
      .set('Accept', HTML)
      .set('Cookie', await signedInAs(username));
  }

  async function openForm(path: string, username: string): Promise<FormPage> {
    const response = await page(path, username);
    const cookies: unknown = response.headers['set-cookie'];
    const csrf = Array.isArray(cookies)
      ? cookies.find((cookie): cookie is string => typeof cookie === 'string' && cookie.startsWith('due-regard-csrf='))
      : undefined;
    return {
      status: response.status,
      text: response.text,
      token: /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1] ?? '',
      cookies: `${await signedInAs(username)}; ${csrf?.split(';')[0] ?? ''}`,
    };
  }

  function post(path: string, form: FormPage, fields: Record<string, string | string[]>) {
    return request(running.platformUrl)
      .post(path)
      .set('Host', charnwood())
      .set('Accept', HTML)
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, ...fields });
  }

  const hiddenVersion = (form: FormPage): string => /name="version" value="(\d*)"/.exec(form.text)?.[1] ?? '';
  const errorSummary = (html: string): string =>
    /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0].replace(/<[^>]+>/g, ' ') ?? '';

  describe('recording an award', () => {
    const path = '/accreditations/disability-confident/awards';
    const award = (fields: Record<string, string>) => ({
      level: '3',
      'awardedOn-day': '10',
      'awardedOn-month': '3',
      'awardedOn-year': '2025',
      ...fields,
    });

    it('refuses an award date in the future on its field, and a level the scheme does not have, storing nothing', async () => {
      const form = await openForm(`${path}/new`, 'charnwood.admin');
      expect(form.status).toBe(200);
      expect(form.text).toContain('Disability Confident awards last 3 years');

      const future = await post(path, form, { version: hiddenVersion(form), ...award({ 'awardedOn-year': '2099' }) });
      expect(future.status).toBe(400);
      expect(errorSummary(future.text)).toContain('the award date cannot be in the future');
      expect(future.text).toContain('href="#awardedOn-day"');
      expect(future.text).toContain('value="2099"');

      const noLevel = await post(path, form, { version: hiddenVersion(form), ...award({ level: '7' }) });
      expect(noLevel.status).toBe(400);
      expect(errorSummary(noLevel.text)).toContain('has no level 7');

      const noDate = await post(path, form, { version: hiddenVersion(form), ...award({ 'awardedOn-day': '' }) });
      expect(noDate.status).toBe(400);
      expect(errorSummary(noDate.text)).toContain('The award date must include a day');
      expect(await events('disability-confident')).toEqual([]);
    });

    it('records the award and shows its expiry and renewal date on the scheme page', async () => {
      const form = await openForm(`${path}/new`, 'charnwood.editor');
      const recorded = await post(path, form, { version: hiddenVersion(form), ...award({}) });
      expect(recorded.status).toBe(303);
      expect(recorded.headers['location']).toBe('/accreditations/disability-confident');
      const scheme = await page('/accreditations/disability-confident', 'charnwood.editor');
      expect(scheme.text).toContain('Renewal is due from 11 December 2027');
      expect(scheme.text).toMatch(/Expires on\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*10 March 2028/);
    });

    it('refuses a form sent against a version someone changed meanwhile, recording nothing', async () => {
      const stale = await openForm(`${path}/new`, 'charnwood.admin');
      const meanwhile = await openForm(`${path}/new`, 'charnwood.editor');
      const renewed = await post(path, meanwhile, {
        version: hiddenVersion(meanwhile),
        ...award({ 'awardedOn-day': '1', 'awardedOn-month': '2', 'awardedOn-year': '2026' }),
      });
      expect(renewed.status).toBe(303);
      const before = (await events('disability-confident')).length;
      const refused = await post(path, stale, {
        version: hiddenVersion(stale),
        ...award({ 'awardedOn-year': '2026' }),
      });
      expect(refused.status).toBe(409);
      expect(errorSummary(refused.text)).toContain('Someone changed this accreditation');
      expect((await events('disability-confident')).length).toBe(before);
    });
  });

  describe("a commitment's status and evidence", () => {
    const path = '/accreditations/bsl-charter/commitments/2';

    it('refuses a link that is no web address on its field, storing nothing; then records status and link', async () => {
      const form = await openForm(path, 'charnwood.editor');
      expect(form.status).toBe(200);
      const bad = await post(path, form, {
        version: hiddenVersion(form),
        status: 'in-progress',
        newLinkTitle: 'BSL classes for staff',
        newLinkUrl: 'classes.pdf',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('href="#newLinkUrl"');
      expect(errorSummary(bad.text)).toContain('Give a web address starting https:// or http://');
      expect(await events('bsl-charter')).toEqual([]);

      const saved = await post(path, form, {
        version: hiddenVersion(form),
        status: 'in-progress',
        newLinkTitle: 'BSL classes for staff',
        newLinkUrl: 'https://www.charnwood.gov.uk/bsl-classes',
      });
      expect(saved.status).toBe(303);
      const scheme = await page('/accreditations/bsl-charter', 'charnwood.viewer');
      expect(scheme.text).toContain('href="https://www.charnwood.gov.uk/bsl-classes"');
      expect(scheme.text).toContain('In progress');
    });

    it('is a page not found for a pledge the charter does not have, or a scheme the catalogue lacks', async () => {
      expect((await page('/accreditations/bsl-charter/commitments/9', 'charnwood.editor')).status).toBe(404);
      expect((await page('/accreditations/investors-in-people', 'charnwood.viewer')).status).toBe(404);
    });
  });

  describe('who may', () => {
    it('offers readers the pages without the forms, and refuses them the forms', async () => {
      const scheme = await page('/accreditations/disability-confident', 'charnwood.lead');
      expect(scheme.status).toBe(200);
      expect(scheme.text).not.toContain('Record an award');
      expect(scheme.text).not.toContain('/commitments/');
      for (const form of ['/accreditations/disability-confident/awards/new', '/accreditations/bsl-charter/target']) {
        expect((await page(form, 'charnwood.viewer')).status).toBe(403);
      }
    });

    it('sets the target level through its own form', async () => {
      const form = await openForm('/accreditations/carer-confident/target', 'charnwood.admin');
      const empty = await post('/accreditations/carer-confident/target', form, { version: hiddenVersion(form) });
      expect(empty.status).toBe(400);
      expect(errorSummary(empty.text)).toContain('Select the level the council aims for, or no target');
      const saved = await post('/accreditations/carer-confident/target', form, {
        version: hiddenVersion(form),
        targetLevel: '3',
      });
      expect(saved.status).toBe(303);
      const overview = await page('/accreditations', 'charnwood.viewer');
      expect(overview.text).toContain('Work towards Ambassador');
    });
  });
});
