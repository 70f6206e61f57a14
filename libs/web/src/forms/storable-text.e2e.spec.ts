import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { Database } from '@due-regard/platform';
import { TEST_REDIS_URL } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from '../../../../test/e2e/support/running-app.js';
import { signedInSessionCookie } from '../testing/web-sessions.js';

// Every form of the web service that takes free text refuses NUL in each of its text fields: 400,
// GOV.UK's error summary linking to the field and the inline error on it, nothing recorded; the
// same form without it is then accepted. A session is put straight into Redis (as the other web
// suites do), on a Redis database of its own (the imports job of another test file's app would
// take this file's upload).
const REDIS_URL = `${TEST_REDIS_URL}/9`;
const SESSION_SECRET = `storable-text-e2e-${randomUUID()}`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const NUL = '\u0000';

const SMALL_PLAN = [
  'Equality Action Plan 2024 to 2026',
  '',
  'Ref\tAction\tCompletion Date\tSuccess Measure\tLead',
  '1.1\tPublish the workforce equality report\tMarch 2025\tReport published\tHuman Resources',
].join('\n');

type FormFields = Readonly<Record<string, string | readonly string[]>>;

/** A form, as a council-admin fills it in: where it is, what is valid in it, and its free-text fields. */
interface FormCase {
  readonly path: string;
  readonly fields: FormFields;
  readonly textFields: readonly string[];
}

interface FormPage {
  readonly text: string;
  readonly token: string;
  /** The session cookie and the CSRF cookie the page set. */
  readonly cookies: string;
}

const date = (prefix: string, isoDate: string): Record<string, string> => {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year,
  };
};

describe('the web forms refuse text that cannot be stored', () => {
  let running: RunningApp;
  let redis: Redis;
  let previousSecret: string | undefined;
  let session: string;
  let editorToken: string;

  beforeAll(async () => {
    previousSecret = process.env['SESSION_SECRET'];
    process.env['SESSION_SECRET'] = SESSION_SECRET;
    running = await startDueRegard({ REDIS_URL });
    redis = new Redis(REDIS_URL);
    session = await signedInSessionCookie({
      platformUrl: running.platformUrl,
      redis,
      sessionSecret: SESSION_SECRET,
      username: 'charnwood.admin',
    });
    editorToken = await running.tokenFor('charnwood.editor');
  });

  afterAll(async () => {
    if (previousSecret === undefined) delete process.env['SESSION_SECRET'];
    else process.env['SESSION_SECRET'] = previousSecret;
    await redis?.quit();
    await running?.close();
  });

  const charnwood = () => running.councilHost('charnwood');

  /** Fixtures go through the API, as a plan-editor. */
  function api(method: 'get' | 'post', path: string) {
    const agent = request(running.platformUrl);
    return agent[method](path).set('Host', charnwood()).set('Authorization', `Bearer ${editorToken}`);
  }

  async function created(path: string, body: object): Promise<string> {
    const response = await api('post', path).send(body);
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${response.text}`);
    return (response.body as { id: string }).id;
  }

  async function planWithAction(): Promise<{
    strategyId: string;
    objectiveId: string;
    planId: string;
    actionId: string;
  }> {
    const strategyId = await created('/api/v1/strategies', {
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const objectiveId = await created(`/api/v1/strategies/${strategyId}/objectives`, {
      ref: 'PEO 1',
      title: 'Understanding our communities',
    });
    const planId = await created('/api/v1/plans', {
      strategyId,
      title: 'Equality action plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    const actionId = await created(`/api/v1/plans/${planId}/actions`, {
      ref: '1.1',
      objectiveId,
      title: 'Publish the workforce equality report',
      due: 'March 2025',
      leads: ['Human Resources'],
    });
    return { strategyId, objectiveId, planId, actionId };
  }

  async function readImport(): Promise<string> {
    const upload = await api('post', '/api/v1/imports').attach('file', Buffer.from(SMALL_PLAN), 'action-plan.txt');
    expect(upload.status).toBe(202);
    const id = (upload.body as { id: string }).id;
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const { status } = (await api('get', `/api/v1/imports/${id}`)).body as { status: string };
      if (status === 'ready') return id;
      if (status !== 'queued' && status !== 'parsing') throw new Error(`The small plan was not read: ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Import ${id} was not read`);
  }

  async function openForm(path: string): Promise<FormPage> {
    const response = await request(running.platformUrl)
      .get(path)
      .set('Host', charnwood())
      .set('Accept', HTML)
      .set('Cookie', session);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    const cookies: unknown = response.headers['set-cookie'];
    const csrf = Array.isArray(cookies)
      ? cookies.find((cookie): cookie is string => typeof cookie === 'string' && cookie.startsWith('due-regard-csrf='))
      : undefined;
    return {
      text: response.text,
      token: /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1] ?? '',
      cookies: `${session}; ${csrf?.split(';')[0] ?? ''}`,
    };
  }

  function post(path: string, form: FormPage, fields: FormFields) {
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1];
    return request(running.platformUrl)
      .post(path)
      .set('Host', charnwood())
      .set('Accept', HTML)
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, ...(version === undefined ? {} : { version }), ...fields });
  }

  /** Events, and uploads with their mappings and commits. */
  async function recorded(): Promise<string> {
    const events = await running.app.get<EventStore>(EVENT_STORE).countEvents({});
    const { rows } = await running.app.get(Database).pool.query<{ imports: string | null }>(
      `SELECT string_agg(concat_ws(':', import_id, generation, committed_by), ',' ORDER BY import_id) AS imports
         FROM plan_imports.imports`,
    );
    return JSON.stringify({ events, imports: rows[0]?.imports ?? null });
  }

  const period = { ...date('periodFrom', '2024-04-01'), ...date('periodTo', '2026-03-31') };
  const actionFields = (objectiveId: string) => ({
    title: 'Hold a Pride event with Gwasanaethau Cymraeg: ŵ ŷ 🏳️‍🌈',
    description: 'With the staff network.\nTwo lines.',
    objectiveId,
    leads: 'Communications\nHuman Resources',
    successMeasures: 'Event held\nFeedback gathered',
    protectedCharacteristics: ['sexual-orientation'],
  });

  const FORMS: Readonly<Record<string, () => Promise<FormCase>>> = {
    'draft a plan': async () => ({
      path: '/plans/new',
      fields: { strategyId: (await planWithAction()).strategyId, title: 'Equality action plan 2026-2028', ...period },
      textFields: ['title'],
    }),
    'add an objective': async () => ({
      path: `/strategies/${(await planWithAction()).strategyId}/objectives/new`,
      fields: { ref: 'PEO 2', title: 'A diverse workforce', description: 'Our staff reflect our communities.' },
      textFields: ['ref', 'title', 'description'],
    }),
    'add an action': async () => {
      const { planId, objectiveId } = await planWithAction();
      return {
        path: `/plans/${planId}/actions/new`,
        fields: { ref: '2.1', due: 'June 2025', ...actionFields(objectiveId) },
        textFields: ['ref', 'title', 'description', 'due', 'leads', 'successMeasures'],
      };
    },
    'edit an action': async () => {
      const { planId, actionId, objectiveId } = await planWithAction();
      return {
        path: `/plans/${planId}/actions/${actionId}/edit`,
        fields: actionFields(objectiveId),
        textFields: ['title', 'description', 'leads', 'successMeasures'],
      };
    },
    'record progress': async () => {
      const { planId, actionId } = await planWithAction();
      return {
        path: `/plans/${planId}/actions/${actionId}/progress`,
        fields: { status: 'in-progress', rag: 'green', narrative: 'Data collected.', ...date('asOf', '2024-07-01') },
        textFields: ['narrative'],
      };
    },
    'change the due date': async () => {
      const { planId, actionId } = await planWithAction();
      return {
        path: `/plans/${planId}/actions/${actionId}/due`,
        fields: { due: 'September 2025', reason: 'Waiting for the census data' },
        textFields: ['due', 'reason'],
      };
    },
    'return a plan to draft': async () => {
      const { planId } = await planWithAction();
      await created(`/api/v1/plans/${planId}/submit`, {});
      return {
        path: `/plans/${planId}/return`,
        fields: { reason: 'Add the workforce actions' },
        textFields: ['reason'],
      };
    },
    'import a plan': async () => ({
      path: `/imports/${await readImport()}/commit`,
      fields: {
        strategyTitle: 'Equality Strategy 2024-2028',
        planTitle: 'Equality Action Plan 2024-2026',
        outcome: 'draft',
        ...date('strategyFrom', '2024-04-01'),
        ...date('strategyTo', '2028-03-31'),
        ...date('planFrom', '2024-04-01'),
        ...date('planTo', '2026-03-31'),
      },
      textFields: ['strategyTitle', 'planTitle'],
    }),
  };

  /** The page a form is on: the commit form is on the import's page. */
  const pageOf = (path: string): string => path.replace(/\/commit$/, '');

  it.each(Object.keys(FORMS))(
    '%s: NUL in any text field is 400 with the error summary and the inline error, nothing recorded; then it is accepted',
    async (name) => {
      const prepare = FORMS[name];
      if (prepare === undefined) throw new Error(`No form ${name}`);
      const { path, fields, textFields } = await prepare();
      const form = await openForm(pageOf(path));
      const wrong: string[] = [];
      for (const field of textFields) {
        const value = fields[field];
        if (typeof value !== 'string') throw new Error(`${name}: no valid text for ${field}`);
        const before = await recorded();
        const response = await post(path, form, { ...fields, [field]: `${value.slice(0, 1)}${NUL}${value.slice(1)}` });
        const problems = [
          response.status === 400 ? null : `answered ${response.status}`,
          response.text.includes('There is a problem') ? null : 'no error summary',
          response.text.includes(`href="#${field}"`) ? null : 'no link to the field',
          new RegExp(`id="${field}-error"[^>]*>[^]*?must not contain control characters`).test(response.text)
            ? null
            : 'no inline error naming the problem',
          (await recorded()) === before ? null : 'recorded',
        ].filter((problem) => problem !== null);
        if (problems.length > 0) wrong.push(`${field}: ${problems.join(', ')}`);
      }
      expect(wrong).toEqual([]);
      const accepted = await post(path, form, fields);
      expect({ status: accepted.status, page: accepted.status === 303 ? null : accepted.text }).toEqual({
        status: 303,
        page: null,
      });
    },
  );
});
