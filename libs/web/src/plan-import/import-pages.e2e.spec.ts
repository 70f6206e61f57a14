import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import JSZip from 'jszip';
import request from 'supertest';
import { Database } from '@due-regard/platform';
import { startDueRegard, type RunningApp } from '../../../../test/e2e/support/running-app.js';
import { signedInSessionCookie } from '../testing/web-sessions.js';

// The import pages on the whole app, signed in with a session put straight into Redis (as in
// web.e2e.spec.ts), on a Redis database of their own: every app under test runs a worker on the
// `imports` queue, and another test file's worker would take this file's jobs.
const REDIS_URL = `${process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'}/14`;
const SESSION_SECRET = `import-pages-e2e-${randomUUID()}`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CHARNWOOD_2024 = 'charnwood-equality-action-plan-2024-2026.txt';
const PERIODS = {
  'strategyFrom-day': '1',
  'strategyFrom-month': '4',
  'strategyFrom-year': '2024',
  'strategyTo-day': '31',
  'strategyTo-month': '3',
  'strategyTo-year': '2028',
  'planFrom-day': '1',
  'planFrom-month': '4',
  'planFrom-year': '2024',
  'planTo-day': '31',
  'planTo-month': '3',
  'planTo-year': '2026',
};

describe('the import pages on the whole app', () => {
  let running: RunningApp;
  let redis: Redis;
  let previousSecret: string | undefined;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    previousSecret = process.env['SESSION_SECRET'];
    process.env['SESSION_SECRET'] = SESSION_SECRET;
    running = await startDueRegard({ REDIS_URL });
    redis = new Redis(REDIS_URL);
    cookies['charnwood.editor'] = await signedInAs('charnwood.editor', 'Charnwood Editor');
    cookies['charnwood.admin'] = await signedInAs('charnwood.admin', 'Charnwood Admin');
    cookies['charnwood.viewer'] = await signedInAs('charnwood.viewer', 'Charnwood Viewer');
    cookies['leicestershire.editor'] = await signedInAs('leicestershire.editor', 'Leicestershire Editor');
  });

  afterAll(async () => {
    if (previousSecret === undefined) delete process.env['SESSION_SECRET'];
    else process.env['SESSION_SECRET'] = previousSecret;
    await redis?.quit();
    await running?.close();
  });

  const host = (council = 'charnwood') => running.councilHost(council);
  const get = (url: string, user = 'charnwood.editor', council = 'charnwood') =>
    request(running.platformUrl)
      .get(url)
      .set('Host', host(council))
      .set('Accept', HTML)
      .set('Cookie', cookies[user] ?? '');
  const post = (url: string, form: FormPage, council = 'charnwood') =>
    request(running.platformUrl).post(url).set('Host', host(council)).set('Accept', HTML).set('Cookie', form.cookie);

  function signedInAs(username: string, displayName: string): Promise<string> {
    return signedInSessionCookie({
      platformUrl: running.platformUrl,
      redis,
      sessionSecret: SESSION_SECRET,
      username,
      displayName,
    });
  }

  interface FormPage {
    readonly text: string;
    readonly token: string;
    /** The session cookie and the CSRF cookie the page set. */
    readonly cookie: string;
  }

  /** A page with a form, and what posting it needs. */
  async function formPage(url: string, user = 'charnwood.editor', council = 'charnwood'): Promise<FormPage> {
    const response = await get(url, user, council);
    expect(response.status).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1] ?? '';
    const setCookies: unknown = response.headers['set-cookie'];
    const csrfCookie = Array.isArray(setCookies)
      ? setCookies.find(
          (cookie): cookie is string => typeof cookie === 'string' && cookie.startsWith('due-regard-csrf='),
        )
      : undefined;
    return { text: response.text, token, cookie: `${cookies[user] ?? ''}; ${csrfCookie?.split(';')[0] ?? ''}` };
  }

  async function storedImports(): Promise<number> {
    const { rows } = await running.app
      .get(Database)
      .pool.query<{ count: string }>('SELECT count(*) AS count FROM plan_imports.imports');
    return Number(rows[0]?.count);
  }

  /** The import page once its job is done (the page itself says so: no progress region). */
  async function pageWhenRead(importPath: string): Promise<string> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const response = await get(importPath);
      expect(response.status).toBe(200);
      if (!response.text.includes('id="import-progress"')) return response.text;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${importPath} was not read`);
  }

  const fixture = (name: string): Buffer => readFileSync(path.resolve('infra/demo/plans', name));
  const uploadForm = () => formPage('/imports/new');

  describe('the upload form', () => {
    it('lists what can be uploaded and the size limit, with a file input and the form token', async () => {
      const page = await uploadForm();
      expect(page.text).toContain('<title>Upload your equality action plan – Charnwood Borough Council – Due Regard');
      expect(page.text).toContain('a Word document (.docx)');
      expect(page.text).toContain('an Excel spreadsheet (.xlsx)');
      expect(page.text).toContain('a CSV file (.csv)');
      expect(page.text).toContain('The file must be smaller than 10 MB.');
      expect(page.text).toContain('enctype="multipart/form-data"');
      expect(page.text).toMatch(/<input class="govuk-file-upload" id="file" name="file" type="file"/);
      expect(page.token).not.toBe('');
    });

    it('is only for plan editors and administrators: a viewer gets the 403 page, nobody signed in the sign-in', async () => {
      const viewer = await get('/imports/new', 'charnwood.viewer');
      expect(viewer.status).toBe(403);
      expect(viewer.text).toContain('You do not have access to this page');
      const anonymous = await request(running.platformUrl).get('/imports/new').set('Host', host()).set('Accept', HTML);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers['location']).toBe('/sign-in?returnTo=%2Fimports%2Fnew');
    });

    it('refuses an upload without the form token, and stores nothing', async () => {
      const page = await uploadForm();
      const before = await storedImports();
      const response = await post('/imports', page).attach('file', fixture(CHARNWOOD_2024), CHARNWOOD_2024);
      expect(response.status).toBe(403);
      expect(response.text).toContain('This form has expired');
      const forged = await post('/imports', page)
        .field('_csrf', 'not-the-token')
        .attach('file', fixture(CHARNWOOD_2024), CHARNWOOD_2024);
      expect(forged.status).toBe(403);
      expect(await storedImports()).toBe(before);
    });

    it.each([
      ['an empty file', 'plan.txt', Buffer.alloc(0), 'The selected file is empty'],
      [
        'an old Word document',
        'plan.doc',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        'The old Word format (.doc) is not supported: save it as .docx.',
      ],
      [
        'a file named as Word that is not one',
        'plan.docx',
        Buffer.from('Action\tLead\n1.1\tDo it\tHR\n'),
        'The file is named or typed as Word but is not a ZIP archive, so it is not one.',
      ],
      [
        'a file over the size limit',
        'plan.txt',
        Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
        'The selected file must be smaller than 10 MB',
      ],
    ])(
      'refuses %s with the error summary and the error on the field (400), storing nothing',
      async (_what, fileName, content, message) => {
        const page = await uploadForm();
        const before = await storedImports();
        const response = await post('/imports', page).field('_csrf', page.token).attach('file', content, fileName);
        expect(response.status).toBe(400);
        expect(response.text).toContain('<title>Error: Upload your equality action plan');
        expect(response.text).toContain('govuk-error-summary');
        expect(response.text).toContain(`<a href="#file">${htmlEscaped(message)}</a>`);
        expect(response.text).toContain('govuk-form-group--error');
        expect(response.text).toMatch(
          new RegExp(
            `<p id="file-error" class="govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span> ${escapeRegExp(htmlEscaped(message))}`,
          ),
        );
        expect(await storedImports()).toBe(before);
      },
    );

    it('refuses a ZIP bomb at once (400), from its central directory, storing nothing', async () => {
      const zip = new JSZip();
      zip.file('word/document.xml', '<w:document/>');
      for (let index = 0; index < 2100; index += 1) zip.file(`word/media/${index}.bin`, '');
      const bomb = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
      const page = await uploadForm();
      const before = await storedImports();
      const response = await post('/imports', page).field('_csrf', page.token).attach('file', bomb, 'plan.docx');
      expect(response.status).toBe(400);
      expect(response.text).toMatch(
        /<a href="#file">The Word file lists 210\d entries, more than the 2000 allowed\.<\/a>/,
      );
      expect(await storedImports()).toBe(before);
    });

    it('asks for a file when none was chosen (400)', async () => {
      const page = await uploadForm();
      const response = await post('/imports', page)
        .field('_csrf', page.token)
        .attach('file', Buffer.alloc(0), { filename: '', contentType: 'application/octet-stream' });
      expect(response.status).toBe(400);
      expect(response.text).toContain('<a href="#file">Select a file to upload</a>');
    });
  });

  describe('a plan from upload to import', () => {
    let importPath: string;
    let planId: string;

    it('uploads the Charnwood plan (303 to the import), shows progress, then the preview', async () => {
      const page = await uploadForm();
      const before = await storedImports();
      const response = await post('/imports', page)
        .field('_csrf', page.token)
        .attach('file', fixture(CHARNWOOD_2024), CHARNWOOD_2024);
      expect(response.status).toBe(303);
      importPath = String(response.headers['location']);
      expect(importPath).toMatch(/^\/imports\/[0-9a-f-]{36}$/);
      expect(await storedImports()).toBe(before + 1);

      const status = await get(`${importPath}/status`);
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ status: expect.stringMatching(/^(queued|parsing|ready)$/) as unknown });

      const preview = await pageWhenRead(importPath);
      expect(preview).toContain('<title>Check the plan before you import it – Charnwood Borough Council');
      expect(preview).toContain('Due Regard found 4 objectives and 23 actions');
      expect(preview).toContain('Positive feedback on revised process and EIA template');
      // A due as written, what it was understood as, and its dates in UK format.
      expect(preview).toMatch(
        /A date: \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/,
      );
      expect(preview).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(preview).toContain(`href="${importPath}/columns"`);
      expect(preview).toContain(`action="${importPath}/commit"`);
      expect(preview).toContain('value="Equality Strategy Action Plan 2024 – 2026"');
      expect(dateInput(preview, 'planFrom')).toEqual(['1', '4', '2024']);
      expect(dateInput(preview, 'planTo')).toEqual(['31', '3', '2026']);
      expect(dateInput(preview, 'strategyTo')).toEqual(['31', '3', '2028']);
      // What the plan may become: a plan editor may keep it a draft or submit it; publishing is an administrator's.
      expect(outcomes(preview)).toEqual(['draft', 'submitted']);
      expect(outcomes((await get(importPath, 'charnwood.admin')).text)).toEqual(['draft', 'submitted', 'published']);
      expect((await get(`${importPath}/status`)).body).toEqual({
        status: 'ready',
        progress: 100,
        text: 'Read',
        done: true,
      });
    });

    it('says what each column was read as, and reads the plan again with the columns remapped', async () => {
      const columns = await formPage(`${importPath}/columns`);
      expect(columns.text).toContain('Column “Success Measure”');
      expect(columns.text).toContain('<option value="ignore">Ignore this column</option>');
      const selects = [...columns.text.matchAll(/<select class="govuk-select" id="(column-\d+)"/g)].map(
        (match) => match[1],
      );
      expect(selects).toEqual(['column-1', 'column-2', 'column-3', 'column-4']);
      const selected = (field: string) =>
        new RegExp(`id="${field}"[^>]*>[\\s\\S]*?<option value="([a-z]+)" selected>`).exec(columns.text)?.[1];
      expect(selects.map((field) => selected(field ?? ''))).toEqual(['action', 'due', 'measure', 'lead']);

      const invalid = await post(`${importPath}/columns`, columns).type('form').send({
        _csrf: columns.token,
        'column-1': 'action',
        'column-2': 'boss',
        'column-3': 'measure',
        'column-4': 'lead',
      });
      expect(invalid.status).toBe(400);
      expect(invalid.text).toContain('<a href="#column-2">Select what the column “Completion Date” holds</a>');

      const remapped = await post(`${importPath}/columns`, columns).type('form').send({
        _csrf: columns.token,
        'column-1': 'action',
        'column-2': 'due',
        'column-3': 'description',
        'column-4': 'lead',
      });
      expect(remapped.status).toBe(303);
      expect(remapped.headers['location']).toBe(importPath);

      const preview = await pageWhenRead(importPath);
      expect(preview).toContain('Due Regard found 4 objectives and 23 actions');
      expect(preview).toMatch(
        /Description\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Positive feedback on revised process and EIA template/,
      );
      const again = await formPage(`${importPath}/columns`);
      expect(again.text).toMatch(/id="column-3"[^>]*>[\s\S]*?<option value="description" selected>/);
    });

    it('refuses a commit without a title, with a date that is not real or out of order (400, error summary), recording nothing', async () => {
      const page = await formPage(importPath);
      const response = await post(`${importPath}/commit`, page)
        .type('form')
        .send({
          _csrf: page.token,
          strategyTitle: ' ',
          planTitle: 'Plan',
          outcome: 'submitted',
          ...PERIODS,
          'planTo-day': '31',
          'planTo-month': '2',
          'planTo-year': '2026',
        });
      expect(response.status).toBe(400);
      expect(response.text).toContain('<title>Error: Check the plan before you import it');
      expect(response.text).toContain('<a href="#strategyTitle">Enter the title of the strategy</a>');
      expect(response.text).toContain('<a href="#planTo-day">The date the action plan ends must be a real date</a>');
      expect(response.text).toMatch(/id="planTo-day" name="planTo-day" type="text" value="31"/);

      const commitWithPeriods = (periods: Record<string, string>) =>
        post(`${importPath}/commit`, page)
          .type('form')
          .send({
            _csrf: page.token,
            strategyTitle: 'Strategy',
            planTitle: 'Plan',
            outcome: 'draft',
            ...PERIODS,
            ...periods,
          });
      const missingYear = await commitWithPeriods({ 'planFrom-year': '2023', 'strategyTo-year': '' });
      expect(missingYear.status).toBe(400);
      expect(missingYear.text).toContain(
        '<a href="#strategyTo-year">The date the strategy ends must include a year</a>',
      );
      const reversed = await commitWithPeriods({ 'planFrom-year': '2023' });
      expect(reversed.status).toBe(400);
      expect(reversed.text).toContain(
        '<a href="#planFrom-day">The action plan’s dates must be within the strategy’s</a>',
      );
      const plans = await request(running.platformUrl)
        .get('/api/v1/plans')
        .set('Host', host())
        .set('Authorization', `Bearer ${await running.tokenFor('charnwood.viewer')}`);
      expect((plans.body as { plans: unknown[] }).plans).toEqual([]);
    });

    it("refuses a plan editor's forged commit that would publish (403, the error on the form), recording nothing", async () => {
      const page = await formPage(importPath);
      const forged = await post(`${importPath}/commit`, page)
        .type('form')
        .send({
          _csrf: page.token,
          strategyTitle: 'Equality Strategy 2024-2028',
          planTitle: 'Equality Action Plan 2024 – 2026',
          outcome: 'published',
          ...PERIODS,
        });
      expect(forged.status).toBe(403);
      expect(forged.text).toContain('<title>Error: Check the plan before you import it');
      expect(forged.text).toContain(
        '<a href="#outcome">Only council administrators may import a plan published: you may import it as a draft or submitted for approval</a>',
      );
      expect(outcomes(forged.text)).toEqual(['draft', 'submitted']);
      const plans = await request(running.platformUrl)
        .get('/api/v1/plans')
        .set('Host', host())
        .set('Authorization', `Bearer ${await running.tokenFor('charnwood.viewer')}`);
      expect((plans.body as { plans: unknown[] }).plans).toEqual([]);
      expect((await get(`${importPath}/status`)).body).toMatchObject({ status: 'ready' });
    });

    it('imports the plan submitted for approval (303 to the plan), which the plans API then shows, and a second commit adds nothing', async () => {
      const page = await formPage(importPath);
      const withoutToken = await post(`${importPath}/commit`, page)
        .type('form')
        .send({ strategyTitle: 'Equality Strategy 2024-2028', planTitle: 'Action Plan', outcome: 'submitted' });
      expect(withoutToken.status).toBe(403);

      const committed = await post(`${importPath}/commit`, page)
        .type('form')
        .send({
          _csrf: page.token,
          strategyTitle: 'Equality Strategy 2024-2028',
          planTitle: 'Equality Action Plan 2024 – 2026',
          outcome: 'submitted',
          ...PERIODS,
        });
      expect(committed.status).toBe(303);
      const location = String(committed.headers['location']);
      expect(location).toMatch(/^\/plans\/[0-9a-f-]{36}$/);
      planId = location.slice('/plans/'.length);

      const token = await running.tokenFor('charnwood.viewer');
      const plan = await request(running.platformUrl)
        .get(`/api/v1/plans/${planId}`)
        .set('Host', host())
        .set('Authorization', `Bearer ${token}`);
      expect(plan.status).toBe(200);
      expect(plan.body).toMatchObject({
        title: 'Equality Action Plan 2024 – 2026',
        status: 'submitted',
        period: { from: '2024-04-01', to: '2026-03-31' },
      });

      // The next page shown carries the success message, once.
      const next = await get(importPath);
      expect(next.text).toContain('govuk-notification-banner--success');
      expect(next.text).toContain('Plan imported');
      expect(next.text).toContain(
        'Equality Action Plan 2024 – 2026: 4 objectives and 23 actions were recorded and submitted for approval.',
      );
      expect(next.text).toContain(`href="/plans/${planId}"`);
      expect((await get(importPath)).text).not.toContain('Plan imported');

      const again = await post(`${importPath}/commit`, page)
        .type('form')
        .send({
          _csrf: page.token,
          strategyTitle: 'Another strategy',
          planTitle: 'Another plan',
          outcome: 'draft',
          ...PERIODS,
        });
      expect(again.status).toBe(303);
      expect(again.headers['location']).toBe(`/plans/${planId}`);
      const plans = await request(running.platformUrl)
        .get('/api/v1/plans')
        .set('Host', host())
        .set('Authorization', `Bearer ${token}`);
      expect((plans.body as { plans: { id: string }[] }).plans.map((listed) => listed.id)).toEqual([planId]);
    });

    it('warns before a commit that the same file is already imported, and lets the officer say what each row is', async () => {
      const page = await uploadForm();
      const response = await post('/imports', page)
        .field('_csrf', page.token)
        .attach('file', fixture(CHARNWOOD_2024), CHARNWOOD_2024);
      expect(response.status).toBe(303);
      const again = String(response.headers['location']);
      const preview = await pageWhenRead(again);
      expect(preview).toMatch(
        /This council already has “Equality Action Plan 2024 – 2026” imported on \d{1,2} [A-Z][a-z]+ 20\d\d at [^ ]+ from the same file\. Importing this one creates another plan\./,
      );
      expect(preview).toContain(`href="${again}/rows"`);

      const rows = await formPage(`${again}/rows`);
      expect(rows.text).toContain('<title>Say what each row is');
      const fields = [
        ...rows.text.matchAll(
          /<select class="govuk-select" id="(row-\d+)"[^>]*>[\s\S]*?<option value="([a-z]+)" selected>/g,
        ),
      ];
      const form: Record<string, string> = { _csrf: rows.token };
      for (const [, name, role] of fields) if (name !== undefined && role !== undefined) form[name] = role;
      // Every action row marked as not part of the plan but the first: the preview has one action left.
      const actionFields = fields.filter(([, , role]) => role === 'action').map(([, name]) => name ?? '');
      for (const name of actionFields.slice(1)) form[name] = 'ignore';
      const missing = await post(`${again}/rows`, rows).type('form').send({ _csrf: rows.token });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('govuk-error-summary');
      const reread = await post(`${again}/rows`, rows).type('form').send(form);
      expect(reread.status).toBe(303);
      expect(reread.headers['location']).toBe(again);
      const corrected = await pageWhenRead(again);
      expect(corrected).toMatch(/Due Regard found \d+ objectives? and 1 action\b/);
      const kept = await formPage(`${again}/rows`);
      expect(kept.text).toContain('You set this');
    });

    it('lists the council’s uploads, newest first, with who uploaded them, when, and their state', async () => {
      const list = await get('/imports');
      expect(list.status).toBe(200);
      expect(list.text).toContain('<title>Imported plans – Charnwood Borough Council – Due Regard');
      const rows = [...list.text.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].slice(1);
      const imported = rows.find((row) => row[1]?.includes(`href="${importPath}"`))?.[1] ?? '';
      expect(imported).toContain(CHARNWOOD_2024);
      expect(imported).toContain('<td class="govuk-table__cell">You</td>');
      expect(imported).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d at \d{1,2}:\d\d[ap]m/);
      expect(imported).toContain('Imported');
      expect(imported).toContain(`href="/plans/${planId}"`);
      expect((await get('/imports', 'charnwood.viewer')).status).toBe(403);
    });

    it("is never visible to another council: 404 on Leicestershire's sub-domain, 403 for its users here", async () => {
      const elsewhere = await get(importPath, 'leicestershire.editor', 'leicestershire');
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.text).toContain('Page not found');
      expect(elsewhere.text).not.toContain(CHARNWOOD_2024);
      expect((await get(`${importPath}/status`, 'leicestershire.editor', 'leicestershire')).status).toBe(404);
      expect((await get(`${importPath}/columns`, 'leicestershire.editor', 'leicestershire')).status).toBe(404);
      const leicestershireForm = await formPage('/imports/new', 'leicestershire.editor', 'leicestershire');
      const commit = await post(`${importPath}/commit`, leicestershireForm, 'leicestershire')
        .type('form')
        .send({ _csrf: leicestershireForm.token, strategyTitle: 'S', planTitle: 'P', outcome: 'draft', ...PERIODS });
      expect(commit.status).toBe(404);
      expect((await get(importPath, 'leicestershire.editor')).status).toBe(403);
      const leicestershireList = await get('/imports', 'leicestershire.editor', 'leicestershire');
      expect(leicestershireList.status).toBe(200);
      expect(leicestershireList.text).not.toContain(importPath);
      expect(leicestershireList.text).toContain('Nobody at your council has uploaded a plan yet.');
      expect((await get('/imports/not-an-id')).status).toBe(404);
    });
  });

  it('shows a document that could not be read as failed, with the reason', async () => {
    const page = await uploadForm();
    const response = await post('/imports', page)
      .field('_csrf', page.token)
      .attach('file', Buffer.from('Minutes of the meeting\nNothing was agreed.\n'), 'notes.txt');
    expect(response.status).toBe(303);
    const failed = await pageWhenRead(String(response.headers['location']));
    expect(failed).toContain('<title>Your plan could not be imported');
    expect(failed).toContain('No action plan table found');
    expect(failed).toContain('href="/imports/new"');
    expect(failed).not.toContain('/commit"');
  });
});

/** The values of the import form's radios for what the plan becomes. */
function outcomes(page: string): string[] {
  return [
    ...page.matchAll(/<input class="govuk-radios__input" id="[^"]*" name="outcome" type="radio" value="([a-z]+)"/g),
  ].map((match) => match[1] ?? '');
}

function htmlEscaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a date input shows: day, month and year. */
function dateInput(html: string, name: string): (string | undefined)[] {
  return ['day', 'month', 'year'].map(
    (part) => new RegExp(`id="${name}-${part}" name="${name}-${part}" type="text" value="([^"]*)"`).exec(html)?.[1],
  );
}
