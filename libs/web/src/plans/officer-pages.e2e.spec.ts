import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DemoPlans } from '@due-regard/plan-import-app';
import { startDueRegard, type RunningApp } from '../../../../test/e2e/support/running-app.js';
import { signedInSessionCookie } from '../testing/web-sessions.js';

// Issue 17 over HTTP against the whole app: every link and GET form a page offers, as each role,
// leads somewhere that role may go (no 403); and the strategy and objective forms record what they
// say. The browser suite (test/browser/equality-officer.browser.spec.ts) drives the same pages in
// Chromium with axe.
const SESSION_SECRET = `officer-pages-e2e-${randomUUID()}`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const ROLES = ['charnwood.admin', 'charnwood.editor', 'charnwood.lead', 'charnwood.viewer', 'charnwood.auditor'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe("the equality officer's pages on the whole app", () => {
  let running: RunningApp;
  let redis: Redis;
  let previousSecret: string | undefined;
  const sessions = new Map<string, Promise<string>>();

  beforeAll(async () => {
    previousSecret = process.env['SESSION_SECRET'];
    process.env['SESSION_SECRET'] = SESSION_SECRET;
    running = await startDueRegard();
    redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    await running.app.get(DemoPlans).seed();
  });

  afterAll(async () => {
    if (previousSecret === undefined) delete process.env['SESSION_SECRET'];
    else process.env['SESSION_SECRET'] = previousSecret;
    await redis?.quit();
    await running?.close();
  });

  const charnwood = () => running.councilHost('charnwood');

  function session(username: string): Promise<string> {
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

  async function get(path: string, cookie: string) {
    return request(running.platformUrl).get(path).set('Host', charnwood()).set('Accept', HTML).set('Cookie', cookie);
  }

  /** A form page and the cookies and token to send it back with. */
  async function openForm(path: string, cookie: string) {
    const response = await get(path, cookie);
    const cookies: unknown = response.headers['set-cookie'];
    const csrf = Array.isArray(cookies)
      ? cookies.find((value): value is string => typeof value === 'string' && value.startsWith('due-regard-csrf='))
      : undefined;
    return {
      text: response.text,
      token: /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1] ?? '',
      cookies: `${cookie}; ${csrf?.split(';')[0] ?? ''}`,
    };
  }

  async function post(
    path: string,
    form: { token: string; cookies: string },
    fields: Record<string, string | string[]>,
  ) {
    return request(running.platformUrl)
      .post(path)
      .set('Host', charnwood())
      .set('Accept', HTML)
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, ...fields });
  }

  it.each(ROLES)('walks every kind of page %s is offered, by links and forms, and meets no 403', async (username) => {
    const cookie = await session(username);
    const queue = ['/'];
    const seen = new Set(queue);
    const kinds = new Map<string, number>();
    const refused: string[] = [];
    let visited = 0;
    while (queue.length > 0) {
      const path = queue.shift() ?? '/';
      const response = await get(path, cookie);
      visited += 1;
      if (response.status === 403) refused.push(path);
      if (!String(response.headers['content-type'] ?? '').includes('text/html')) continue;
      const targets = [
        ...[...response.text.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1] ?? ''),
        ...[...response.text.matchAll(/<form [^>]*action="([^"]+)"/g)].map((match) => match[1] ?? ''),
      ];
      for (const target of targets) {
        const next = (target.replace(/&amp;/g, '&').split('#')[0] ?? '').trim();
        if (!next.startsWith('/') || next.startsWith('//')) continue;
        if (/^\/(assets|sign-out|sign-in|signed-out|api)\b/.test(next)) continue;
        const kind = (next.split('?')[0] ?? next).replace(UUID, ':id');
        if (seen.has(next) || (kinds.get(kind) ?? 0) >= 2) continue;
        seen.add(next);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        queue.push(next);
      }
    }
    expect(refused).toEqual([]);
    expect(visited).toBeGreaterThan(10);
  });

  it('drafts a strategy, adds, rewords, reclassifies and retires objectives, and adopts it, each through its form', async () => {
    const editor = await session('charnwood.editor');
    const draft = await post('/strategies/new', await openForm('/strategies/new', editor), {
      title: 'Equality Strategy 2026 to 2030',
      'periodFrom-day': '1',
      'periodFrom-month': '4',
      'periodFrom-year': '2026',
      'periodTo-day': '31',
      'periodTo-month': '3',
      'periodTo-year': '2030',
    });
    expect(draft.status).toBe(303);
    const strategyPath = String(draft.headers['location']);
    expect(strategyPath).toMatch(/^\/strategies\/[0-9a-f-]{36}$/);

    for (const [ref, title] of [
      ['PEO 1', 'Inclusion ality of opportunity'],
      ['PEO 2', 'A workforce that reflects the borough'],
    ]) {
      const added = await post(
        `${strategyPath}/objectives/new`,
        await openForm(`${strategyPath}/objectives/new`, editor),
        {
          ref: ref ?? '',
          title: title ?? '',
          description: '',
        },
      );
      expect(added.status).toBe(303);
      expect(added.headers['location']).toBe(strategyPath);
    }
    const strategyPage = await get(strategyPath, editor);
    const changeLinks = [...strategyPage.text.matchAll(/href="(\/strategies\/[^"]+\/objectives\/[0-9a-f-]{36})"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(changeLinks).toHaveLength(2);
    const [first = '', second = ''] = changeLinks;

    const form = await openForm(first, editor);
    const stale = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    const bad = await post(first, form, {
      version: stale,
      ref: 'PEO 1',
      title: '',
      groupKind: 'pillar',
      groupTitle: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter the objective');
    const saved = await post(first, form, {
      version: stale,
      ref: 'PEO 1',
      title: 'Inclusion and equality of opportunity',
      description: '',
      psedAims: ['advance-equality-of-opportunity'],
      eflgModules: 'Understanding and working with your communities',
      groupKind: 'pillar',
      groupTitle: 'Our communities',
    });
    expect(saved.status).toBe(303);
    // The same form sent again at the version it was opened at: someone else's change came first.
    const again = await post(first, form, { version: stale, ref: 'PEO 1', title: 'Something else', groupKind: '' });
    expect(again.status).toBe(409);
    const after = await get(strategyPath, editor);
    expect(after.text).toContain('Pillar: Our communities');
    expect(after.text).toContain('PEO 1: Inclusion and equality of opportunity');
    const objectivePage = await get(first, editor);
    expect(objectivePage.text).toContain('Reworded PEO 1 &quot;Inclusion ality of opportunity&quot;');

    const retire = await post(`${second}/retire`, await openForm(`${second}/retire`, editor), {
      version: /name="version" value="(\d+)"/.exec((await openForm(`${second}/retire`, editor)).text)?.[1] ?? '',
      reason: 'Merged into PEO 1',
    });
    expect(retire.status).toBe(303);

    // An editor may not adopt: refused with what the role allows; an administrator confirms and adopts.
    const refused = await get(`${strategyPath}/adopt`, editor);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('a plan editor at Charnwood Borough Council');
    expect(refused.text).toContain('draft a strategy');
    const admin = await session('charnwood.admin');
    const confirm = await openForm(`${strategyPath}/adopt`, admin);
    expect(confirm.text).toContain('An adopted strategy cannot go back to draft');
    const adopted = await post(`${strategyPath}/adopt`, confirm, {
      version: /name="version" value="(\d+)"/.exec(confirm.text)?.[1] ?? '',
    });
    expect(adopted.status).toBe(303);
    expect((await get(strategyPath, admin)).text).toContain('Publish strategy');
    const history = await get(`${strategyPath}/history`, await session('charnwood.auditor'));
    expect(history.status).toBe(200);
    expect(history.text).toContain('Adopted on');
    expect(history.text).toContain('Retired PEO 2');
  });

  it('finds actions across the plans, and ignores parameters the form does not send', async () => {
    const viewer = await session('charnwood.viewer');
    const found = await get('/search?q=pay+gap&utm_source=newsletter', viewer);
    expect(found.status).toBe(200);
    expect(found.text).toMatch(/\d+ actions? match/);
    expect(found.text).toContain('Undertake gender and ethnicity pay gap reporting');
    const bad = await get('/search?status=finished', viewer);
    expect(bad.status).toBe(400);
  });
});
