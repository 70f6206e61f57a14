import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DemoPlans } from '@due-regard/plan-import-app';
import { startDueRegard, type RunningApp } from '../../../../test/e2e/support/running-app.js';
import { signedInSessionCookie } from '../testing/web-sessions.js';

// The plan forms over HTTP against the whole app, on the demo councils' plans. Sessions are put
// straight into Redis holding the provider's tokens (as web.e2e.spec.ts does); the sign-in page
// itself is driven in the browser suite.
const SESSION_SECRET = `plan-forms-e2e-${randomUUID()}`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Signed {
  readonly cookie: string;
}

interface FormPage {
  readonly status: number;
  readonly text: string;
  readonly token: string;
  /** The session and CSRF cookies to send the form back with. */
  readonly cookies: string;
}

describe('the plan forms on the whole app', () => {
  let running: RunningApp;
  let redis: Redis;
  let previousSecret: string | undefined;
  let planId: string;
  /** Action 2.2 of Charnwood's 2024-2026 plan, led by Human Resources (the demo lead's team). */
  let hrActionId: string;
  /** Action 1.4, led by the Transformation, Strategy and Performance Team. */
  let otherActionId: string;
  let strategyId: string;

  beforeAll(async () => {
    previousSecret = process.env['SESSION_SECRET'];
    process.env['SESSION_SECRET'] = SESSION_SECRET;
    running = await startDueRegard();
    redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    await running.app.get(DemoPlans).seed();
    const plans = await api<{ plans: { id: string; status: string; strategyId: string }[] }>('/api/v1/plans');
    const published = plans.plans.find((plan) => plan.status === 'published');
    if (published === undefined) throw new Error('No published plan in the demo data');
    planId = published.id;
    strategyId = published.strategyId;
    const detail = await api<{ actions: { id: string; ref: string | null }[] }>(`/api/v1/plans/${planId}`);
    hrActionId = detail.actions.find((action) => action.ref === '2.2')?.id ?? '';
    otherActionId = detail.actions.find((action) => action.ref === '1.4')?.id ?? '';
  });

  afterAll(async () => {
    if (previousSecret === undefined) delete process.env['SESSION_SECRET'];
    else process.env['SESSION_SECRET'] = previousSecret;
    await redis?.quit();
    await running?.close();
  });

  const charnwood = () => running.councilHost('charnwood');

  // The provider limits password grants: one token, and one session, per user for the whole file.
  const apiTokens = new Map<string, Promise<string>>();
  const sessions = new Map<string, Promise<Signed>>();

  async function api<T>(path: string, user = 'charnwood.viewer'): Promise<T> {
    if (!apiTokens.has(user)) apiTokens.set(user, running.tokenFor(user));
    const response = await request(running.platformUrl)
      .get(path)
      .set('Host', charnwood())
      .set('Authorization', `Bearer ${await apiTokens.get(user)}`);
    expect(response.status).toBe(200);
    return response.body as T;
  }

  async function actionVersion(actionId: string): Promise<number> {
    return (await api<{ version: number }>(`/api/v1/plans/${planId}/actions/${actionId}`)).version;
  }

  function signedInAs(username: string): Promise<Signed> {
    const existing = sessions.get(username);
    if (existing !== undefined) return existing;
    const created = newSession(username);
    sessions.set(username, created);
    return created;
  }

  async function newSession(username: string): Promise<Signed> {
    return {
      cookie: await signedInSessionCookie({
        platformUrl: running.platformUrl,
        redis,
        sessionSecret: SESSION_SECRET,
        username,
      }),
    };
  }

  function page(path: string, signed: Signed) {
    return request(running.platformUrl)
      .get(path)
      .set('Host', charnwood())
      .set('Accept', HTML)
      .set('Cookie', signed.cookie);
  }

  async function openForm(path: string, signed: Signed): Promise<FormPage> {
    const response = await page(path, signed);
    const cookies: unknown = response.headers['set-cookie'];
    const csrf = Array.isArray(cookies)
      ? cookies.find((cookie): cookie is string => typeof cookie === 'string' && cookie.startsWith('due-regard-csrf='))
      : undefined;
    return {
      status: response.status,
      text: response.text,
      token: /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1] ?? '',
      cookies: `${signed.cookie}; ${csrf?.split(';')[0] ?? ''}`,
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

  function hiddenVersion(form: FormPage): string {
    return /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
  }

  describe('the action page', () => {
    it('shows the action to a viewer, without the links to change it', async () => {
      const viewer = await signedInAs('charnwood.viewer');
      const response = await page(`/plans/${planId}/actions/${hrActionId}`, viewer);
      expect(response.status).toBe(200);
      expect(response.text).toContain('Action 2.2: Undertake gender and ethnicity pay gap reporting');
      expect(response.text).toContain('March 2025 and March 2026');
      expect(response.text).toContain('31 March 2025');
      expect(response.text).toContain('Human Resources');
      expect(response.text).toContain(`href="/plans/${planId}/actions/${hrActionId}/history"`);
      expect(response.text).toContain(`href="/plans/${planId}"`);
      expect(response.text).not.toContain('Record progress');
      expect(response.text).not.toContain('Edit action');
    });

    it("offers the Human Resources lead progress on their team's action only, and an editor everything", async () => {
      const lead = await signedInAs('charnwood.lead');
      const own = await page(`/plans/${planId}/actions/${hrActionId}`, lead);
      expect(own.text).toContain('Record progress');
      expect(own.text).not.toContain('Edit action');
      const other = await page(`/plans/${planId}/actions/${otherActionId}`, lead);
      expect(other.status).toBe(200);
      expect(other.text).not.toContain('Record progress');
      const editor = await signedInAs('charnwood.editor');
      const edited = await page(`/plans/${planId}/actions/${otherActionId}`, editor);
      expect(edited.text).toContain('Record progress');
      expect(edited.text).toContain('Change due date');
      expect(edited.text).toContain('Edit action');
    });

    it('answers 404 for an action the plan does not have, and for an address that is not an id', async () => {
      const viewer = await signedInAs('charnwood.viewer');
      expect((await page(`/plans/${planId}/actions/${randomUUID()}`, viewer)).status).toBe(404);
      expect((await page(`/plans/${planId}/actions/not-an-id`, viewer)).status).toBe(404);
    });
  });

  describe('recording progress', () => {
    const path = () => `/plans/${planId}/actions/${hrActionId}/progress`;

    it('refuses a form without its CSRF token and records nothing', async () => {
      const lead = await signedInAs('charnwood.lead');
      const form = await openForm(path(), lead);
      const before = await actionVersion(hrActionId);
      const response = await post(
        path(),
        { ...form, token: '' },
        {
          version: hiddenVersion(form),
          status: 'in-progress',
          rag: 'green',
          narrative: 'Forged',
        },
      );
      expect(response.status).toBe(403);
      expect(response.text).toContain('This form has expired');
      expect(await actionVersion(hrActionId)).toBe(before);
    });

    it('shows the error summary and inline errors for bad input, with a 400, keeping what was typed, recording nothing', async () => {
      const lead = await signedInAs('charnwood.lead');
      const form = await openForm(path(), lead);
      expect(form.status).toBe(200);
      const before = await actionVersion(hrActionId);
      const response = await post(path(), form, {
        version: hiddenVersion(form),
        status: '',
        rag: 'green',
        narrative: '   ',
        'asOf-day': '31',
        'asOf-month': '2',
        'asOf-year': '2026',
      });
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/<title>Error: Record progress – /);
      expect(response.text).toContain('There is a problem');
      expect(response.text).toContain('href="#status"');
      expect(response.text).toContain('Select the status of the action');
      expect(response.text).toContain('Describe the progress made');
      expect(response.text).toContain('The date of the update must be a real date');
      expect(response.text).toMatch(/name="asOf-day" type="text" value="31"|value="31"/);
      expect(await actionVersion(hrActionId)).toBe(before);
    });

    it('shows what changed when the action changed since the form was opened (409), keeping the text typed', async () => {
      const lead = await signedInAs('charnwood.lead');
      const first = await openForm(path(), lead);
      const second = await openForm(path(), lead);
      const done = await post(path(), first, {
        version: hiddenVersion(first),
        status: 'in-progress',
        rag: 'amber',
        narrative: 'Gender pay gap report drafted for the July committee.',
      });
      expect(done.status).toBe(303);
      const after = await actionVersion(hrActionId);
      const stale = await post(path(), second, {
        version: hiddenVersion(second),
        status: 'in-progress',
        rag: 'green',
        narrative: 'Ethnicity pay gap data collected.',
      });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('This action changed while you were editing');
      expect(stale.text).toContain('Gender pay gap report drafted for the July committee.');
      expect(stale.text).toContain(', by Grace Okafor');
      expect(stale.text).toContain('Ethnicity pay gap data collected.');
      expect(stale.text).toContain(`name="version" value="${after}"`);
      expect(await actionVersion(hrActionId)).toBe(after);
    });

    it('records progress, redirects (303) to the action page, and shows it there with a success banner', async () => {
      const lead = await signedInAs('charnwood.lead');
      const form = await openForm(path(), lead);
      const before = await actionVersion(hrActionId);
      const response = await post(path(), form, {
        version: hiddenVersion(form),
        status: 'in-progress',
        rag: 'green',
        narrative: 'Pay gap action plan agreed with the unions.',
      });
      expect(response.status).toBe(303);
      expect(response.headers['location']).toBe(`/plans/${planId}/actions/${hrActionId}`);
      expect(await actionVersion(hrActionId)).toBe(before + 1);
      const shown = await page(`/plans/${planId}/actions/${hrActionId}`, lead);
      expect(shown.text).toContain('govuk-notification-banner--success');
      expect(shown.text).toContain('Progress recorded');
      expect(shown.text).toContain('Pay gap action plan agreed with the unions.');
      const again = await page(`/plans/${planId}/actions/${hrActionId}`, lead);
      expect(again.text).not.toContain('govuk-notification-banner--success');
      const history = await api<{ events: { type: string; source: string }[] }>(
        `/api/v1/plans/${planId}/actions/${hrActionId}/history`,
      );
      expect(history.events.at(-1)).toMatchObject({ type: 'ProgressRecorded', source: 'ui' });
    });

    it("refuses the Human Resources lead the form on another team's action with a 403 page", async () => {
      const lead = await signedInAs('charnwood.lead');
      const response = await page(`/plans/${planId}/actions/${otherActionId}/progress`, lead);
      expect(response.status).toBe(403);
      expect(response.text).toContain('You do not have access to this page');
    });

    it('turns a date before the latest update into an error on the date, not a 500', async () => {
      const lead = await signedInAs('charnwood.lead');
      const form = await openForm(path(), lead);
      const before = await actionVersion(hrActionId);
      const response = await post(path(), form, {
        version: hiddenVersion(form),
        status: 'in-progress',
        rag: 'green',
        narrative: 'Backdated',
        'asOf-day': '1',
        'asOf-month': '4',
        'asOf-year': '2024',
      });
      expect(response.status).toBe(400);
      expect(response.text).toContain('href="#asOf-day"');
      expect(response.text).toMatch(/The latest update of this action is dated \d{1,2} \w+ \d{4}/);
      expect(await actionVersion(hrActionId)).toBe(before);
    });
  });
  describe('a closed plan', () => {
    it('shows its actions without links to change them, and refuses progress with a clear message, not a 500', async () => {
      const closedPlans = await api<{ plans: { id: string; status: string }[] }>('/api/v1/plans');
      const closedPlanId = closedPlans.plans.find((plan) => plan.status === 'closed')?.id ?? '';
      const detail = await api<{ actions: { id: string }[] }>(`/api/v1/plans/${closedPlanId}`);
      const closedActionId = detail.actions[0]?.id ?? '';
      const editor = await signedInAs('charnwood.editor');
      const actionPage = await page(`/plans/${closedPlanId}/actions/${closedActionId}`, editor);
      expect(actionPage.status).toBe(200);
      expect(actionPage.text).toContain('This action plan is closed');
      expect(actionPage.text).not.toContain('Record progress');

      const path = `/plans/${closedPlanId}/actions/${closedActionId}/progress`;
      const form = await openForm(path, editor);
      const response = await post(path, form, {
        version: hiddenVersion(form),
        status: 'completed',
        rag: 'green',
        narrative: 'Too late',
      });
      expect(response.status).toBe(422);
      expect(response.text).toContain('There is a problem');
      expect(response.text).toContain('This action plan is closed and its actions can no longer change');
    });
  });

  describe('changing the due date', () => {
    const path = () => `/plans/${planId}/actions/${otherActionId}/due`;

    it('asks for the new due and the reason (400), then records the revision (303)', async () => {
      const editor = await signedInAs('charnwood.editor');
      const form = await openForm(path(), editor);
      expect(form.status).toBe(200);
      expect(form.text).toContain('value="Sept 2024 and Sept 2025"');
      const before = await actionVersion(otherActionId);
      const empty = await post(path(), form, { version: hiddenVersion(form), due: '', reason: '' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('Enter the new due');
      expect(empty.text).toContain('Say why the due date is revised');
      expect(await actionVersion(otherActionId)).toBe(before);
      const done = await post(path(), form, {
        version: hiddenVersion(form),
        due: 'May 2026',
        reason: 'The intranet relaunch moved',
      });
      expect(done.status).toBe(303);
      expect(await actionVersion(otherActionId)).toBe(before + 1);
      const shown = await page(`/plans/${planId}/actions/${otherActionId}`, editor);
      expect(shown.text).toContain('Due date changed');
      expect(shown.text).toContain('31 May 2026');
      expect(shown.text).toContain('The intranet relaunch moved');
    });
  });

  describe('editing an action', () => {
    const path = () => `/plans/${planId}/actions/${otherActionId}/edit`;

    it('refuses the action lead (403), and shows an editor what changed when the action changed meanwhile (409)', async () => {
      const lead = await signedInAs('charnwood.lead');
      expect((await page(path(), lead)).status).toBe(403);
      const editor = await signedInAs('charnwood.editor');
      const form = await openForm(path(), editor);
      expect(form.status).toBe(200);
      const progress = await openForm(`/plans/${planId}/actions/${otherActionId}/progress`, editor);
      const progressed = await post(`/plans/${planId}/actions/${otherActionId}/progress`, progress, {
        version: hiddenVersion(progress),
        status: 'in-progress',
        rag: 'amber',
        narrative: 'Article drafted for the staff newsletter.',
      });
      expect(progressed.status).toBe(303);
      const objectiveId = /<option value="([^"]+)" selected>/.exec(form.text)?.[1] ?? '';
      const stale = await post(path(), form, {
        version: hiddenVersion(form),
        title: 'Raise awareness of Equality Impact Assessments in every directorate.',
        description: '',
        objectiveId,
        leads: 'Transformation, Strategy and Performance Team',
        successMeasures: 'One article published, per year.',
      });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('This action changed while you were editing');
      expect(stale.text).toContain('Article drafted for the staff newsletter.');
      expect(stale.text).toContain('Raise awareness of Equality Impact Assessments in every directorate.');
      const retried = await post(
        path(),
        { ...form, text: stale.text },
        {
          version: /name="version" value="(\d+)"/.exec(stale.text)?.[1] ?? '',
          title: 'Raise awareness of Equality Impact Assessments in every directorate.',
          description: '',
          objectiveId,
          leads: 'Transformation, Strategy and Performance Team',
          successMeasures: 'One article published, per year.',
          protectedCharacteristics: ['disability', 'race'],
        },
      );
      expect(retried.status).toBe(303);
      const shown = await page(`/plans/${planId}/actions/${otherActionId}`, editor);
      expect(shown.text).toContain('Action updated');
      expect(shown.text).toContain('Raise awareness of Equality Impact Assessments in every directorate.');
      expect(shown.text).toContain('Disability');
    });
  });

  describe('plans, objectives and actions', () => {
    it('drafts a plan, adds an objective and an action, submits it, has it returned with a reason, and approves and publishes it', async () => {
      const editor = await signedInAs('charnwood.editor');
      const draftForm = await openForm('/plans/new', editor);
      expect(draftForm.status).toBe(200);
      const bad = await post('/plans/new', draftForm, {
        strategyId: '',
        title: '',
        'periodFrom-day': '1',
        'periodFrom-month': '4',
        'periodFrom-year': '',
        'periodTo-day': '',
        'periodTo-month': '',
        'periodTo-year': '',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Select the strategy the plan carries out');
      expect(bad.text).toContain('Enter the title of the action plan');
      expect(bad.text).toContain('The date the plan starts must include a year');
      expect(bad.text).toContain('Enter the date the plan ends');
      const drafted = await post('/plans/new', draftForm, {
        strategyId,
        title: 'Equality Action Plan 2026-2028',
        'periodFrom-day': '1',
        'periodFrom-month': '4',
        'periodFrom-year': '2026',
        'periodTo-day': '31',
        'periodTo-month': '3',
        'periodTo-year': '2028',
      });
      expect(drafted.status).toBe(303);
      const newPlanId = /^\/plans\/([0-9a-f-]{36})$/.exec(String(drafted.headers['location']))?.[1] ?? '';
      expect(newPlanId).not.toBe('');

      const objectiveForm = await openForm(`/strategies/${strategyId}/objectives/new?plan=${newPlanId}`, editor);
      expect(objectiveForm.status).toBe(200);
      const objective = await post(`/strategies/${strategyId}/objectives/new`, objectiveForm, {
        plan: newPlanId,
        ref: 'PEO 5',
        title: 'Make our services accessible to everyone',
        description: '',
        psedAims: 'advance-equality-of-opportunity',
      });
      expect(objective.status).toBe(303);
      expect(objective.headers['location']).toBe(`/plans/${newPlanId}`);

      const actionForm = await openForm(`/plans/${newPlanId}/actions/new`, editor);
      expect(actionForm.text).toContain('PEO 5 Make our services accessible to everyone');
      const objectiveId = /<option value="([^"]+)">PEO 5 Make our services/.exec(actionForm.text)?.[1] ?? '';
      const missing = await post(`/plans/${newPlanId}/actions/new`, actionForm, { ref: '5.1', title: '' });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('Select the objective the action serves');
      expect(missing.text).toContain('Enter the action');
      expect(missing.text).toContain('value="5.1"');
      const added = await post(`/plans/${newPlanId}/actions/new`, actionForm, {
        ref: '5.1',
        objectiveId,
        title: 'Audit the website against WCAG 2.2 AA',
        description: '',
        due: 'Q3 2026',
        leads: 'Digital Services\nCustomer Services',
        successMeasures: 'Audit published',
        protectedCharacteristics: 'disability',
      });
      expect(added.status).toBe(303);
      expect(String(added.headers['location'])).toMatch(new RegExp(`^/plans/${newPlanId}/actions/[0-9a-f-]{36}$`));
      const actionPage = await page(String(added.headers['location']), editor);
      expect(actionPage.text).toContain('Action added');
      expect(actionPage.text).toContain('Digital Services');
      expect(actionPage.text).toContain('Customer Services');

      const planVersion = async () => (await api<{ version: number }>(`/api/v1/plans/${newPlanId}`)).version;
      const home = await openForm('/', editor);
      const submitted = await post(`/plans/${newPlanId}/submit`, home, { version: String(await planVersion()) });
      expect(submitted.status).toBe(303);
      expect(submitted.headers['location']).toBe(`/plans/${newPlanId}`);
      const refused = await post(`/plans/${newPlanId}/approve`, home, { version: String(await planVersion()) });
      expect(refused.status).toBe(403);
      const admin = await signedInAs('charnwood.admin');
      const returnPath = `/plans/${newPlanId}/return`;
      expect((await page(`/plans/${newPlanId}`, admin)).text).toContain(`href="${returnPath}"`);
      expect((await page(`/plans/${newPlanId}`, editor)).text).not.toContain(`href="${returnPath}"`);
      expect((await page(returnPath, editor)).status).toBe(403);
      const returnForm = await openForm(returnPath, admin);
      expect(returnForm.status).toBe(200);
      expect(returnForm.text).toContain('<h1 class="govuk-heading-l">Return the plan to draft</h1>');
      const noReason = await post(returnPath, returnForm, { version: hiddenVersion(returnForm), reason: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.text).toContain('<a href="#reason">Say why the plan is returned</a>');
      const reason = 'Action 5.1 needs a lead from Digital Services.\nPlease add one.';
      const staleReturn = await post(returnPath, returnForm, { version: '1', reason });
      expect(staleReturn.status).toBe(409);
      expect(staleReturn.text).toContain(
        'Someone else changed the plan after you opened this page. It is now submitted for approval',
      );
      expect(staleReturn.text).toContain('Action 5.1 needs a lead from Digital Services.\nPlease add one.</textarea>');
      expect(hiddenVersion({ ...returnForm, text: staleReturn.text })).toBe(String(await planVersion()));
      const returned = await post(returnPath, returnForm, { version: hiddenVersion(returnForm), reason });
      expect(returned.status).toBe(303);
      expect(returned.headers['location']).toBe(`/plans/${newPlanId}`);
      const draftPage = await page(`/plans/${newPlanId}`, editor);
      expect(draftPage.text).toContain('Returned to draft');
      expect(draftPage.text).toMatch(/Amira Patel returned this plan to draft on \d{1,2} \w+ \d{4} at /);
      expect(draftPage.text).toContain('Action 5.1 needs a lead from Digital Services.\nPlease add one.</p>');
      expect((await api<{ status: string }>(`/api/v1/plans/${newPlanId}`)).status).toBe('draft');
      const notSubmitted = await page(returnPath, admin);
      expect(notSubmitted.status).toBe(422);
      expect(notSubmitted.text).toContain(
        'Only a plan submitted for approval can be returned to draft. This plan is a draft.',
      );
      const resubmitted = await post(`/plans/${newPlanId}/submit`, home, { version: String(await planVersion()) });
      expect(resubmitted.status).toBe(303);
      expect((await page(`/plans/${newPlanId}`, editor)).text).not.toContain('Returned to draft');
      const planHistory = await page(`/plans/${newPlanId}/history`, editor);
      expect(planHistory.status).toBe(200);
      const historyRows = [...planHistory.text.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
        .slice(1)
        .map((row) =>
          [...(row[1] ?? '').matchAll(/<td class="govuk-table__cell">(?:<time[^>]*>)?([^<]*)/g)].map((cell) => cell[1]),
        );
      // Every change here was made on the web pages, signed in with a session.
      expect(historyRows.map((cells) => [cells[1], cells[2], cells[3]])).toEqual([
        ['Tom Hughes', 'Submitted for approval', 'Web'],
        [
          'Amira Patel',
          'Returned to draft: &quot;Action 5.1 needs a lead from Digital Services. Please add one.&quot;',
          'Web',
        ],
        ['Tom Hughes', 'Submitted for approval', 'Web'],
        ['Tom Hughes', 'Added action 5.1', 'Web'],
        ['Tom Hughes', 'Drafted &quot;Equality Action Plan 2026-2028&quot; for 1 April 2026 to 31 March 2028', 'Web'],
      ]);
      expect((await page(`/plans/${randomUUID()}/history`, editor)).status).toBe(404);

      const adminHome = await openForm('/', admin);
      const stale = await post(`/plans/${newPlanId}/approve`, adminHome, { version: '1' });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('The plan could not be approved');
      const approved = await post(`/plans/${newPlanId}/approve`, adminHome, { version: String(await planVersion()) });
      expect(approved.status).toBe(303);
      const published = await post(`/plans/${newPlanId}/publish`, adminHome, {
        version: String(await planVersion()),
      });
      expect(published.status).toBe(303);
      const again = await post(`/plans/${newPlanId}/publish`, adminHome, { version: String(await planVersion()) });
      expect(again.status).toBe(422);
      // Publishing is confirmed on a page of its own: a refusal shows that page again, saying why.
      expect(again.text).toContain('There is a problem');
      expect(again.text).toContain('This action plan is published: only an approved plan can be published');
    });
  });

  // Last: the quarter convention changes how the forms above read a bare "Q1".
  describe('the council settings', () => {
    it('lets an administrator change how quarters are read; bad or stale choices change nothing; others only read', async () => {
      const council = async () => api<{ settings: { quarterConvention: string } }>('/api/v1/council');
      const viewer = await signedInAs('charnwood.viewer');
      const readOnly = await openForm('/settings', viewer);
      expect(readOnly.status).toBe(200);
      expect(readOnly.text).toContain('Calendar year (Q1 is January to March)');
      expect(readOnly.text).not.toContain('Save settings');
      const refused = await post('/settings', readOnly, {
        version: hiddenVersion(readOnly),
        quarterConvention: 'financial',
      });
      expect(refused.status).toBe(403);

      const admin = await signedInAs('charnwood.admin');
      const form = await openForm('/settings', admin);
      expect(form.text).toContain('How does your council number quarters?');
      const before = await council();
      const none = await post('/settings', form, { version: hiddenVersion(form) });
      expect(none.status).toBe(400);
      expect(none.text).toContain('<a href="#quarterConvention">Select how your council numbers quarters</a>');
      const stale = await post('/settings', form, {
        version: String(Number(hiddenVersion(form)) + 1),
        quarterConvention: 'financial',
      });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('Someone changed the settings while you had this page open');
      expect(await council()).toEqual(before);

      const saved = await post('/settings', form, { version: hiddenVersion(form), quarterConvention: 'financial' });
      expect(saved.status).toBe(303);
      expect(saved.headers['location']).toBe('/settings');
      expect((await council()).settings.quarterConvention).toBe('financial');
      const shown = await openForm('/settings', admin);
      expect(shown.text).toContain('Settings saved');
      expect(shown.text).toContain('Financial year (Q1 is April to June)');

      const back = await post('/settings', shown, { version: hiddenVersion(shown), quarterConvention: 'calendar' });
      expect(back.status).toBe(303);
      expect((await council()).settings.quarterConvention).toBe('calendar');
    });
  });
});
