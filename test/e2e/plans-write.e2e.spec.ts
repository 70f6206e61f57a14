import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import request, { type Response } from 'supertest';
import { loadOrCreateProviderKeys } from '@due-regard/identity-provider';
import { startDueRegard, type RunningApp } from './support/running-app.js';

/** What a change answers, as far as these tests read it. */
interface Written {
  readonly id: string;
  readonly version: number;
  readonly position: string | null;
  readonly planId?: string;
  readonly strategyId?: string;
  readonly planVersion?: number;
}
interface Problem {
  readonly status: number;
  readonly code?: string;
  readonly currentVersion?: number;
  readonly errors?: readonly { readonly in: string; readonly field: string }[];
}
interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly time: string;
  readonly actorId: string;
  readonly source: string;
  readonly summary: string;
}
interface ActionRead {
  readonly title: string;
  readonly status: string;
  readonly version: number;
  readonly progress: readonly { readonly narrative: string | null }[];
}

const written = (response: Response): Written => response.body as Written;
const problem = (response: Response): Problem => response.body as Problem;
const fieldsOf = (response: Response): string[] => (problem(response).errors ?? []).map((error) => error.field);
const actionRead = (response: Response): ActionRead => response.body as ActionRead;

/** The `sub` of an access token: the pseudonymous id events record as the actor. */
function subjectOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string };
  return payload.sub;
}

/** Recorded times are milliseconds: let one pass, so that "as of" an event excludes the next. */
async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() < start + 2) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * The plans write side over HTTP, as a newcomer with a token from the embedded identity provider
 * would use it: strategy, objective, plan, action, progress, a stale If-Match refused, the action
 * as of before its progress, its history; Idempotency-Key, roles and teams, and bad input.
 */
describe('plans: the write side over HTTP', () => {
  let running: RunningApp;
  let editor: string;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    running = await startDueRegard();
    editor = await running.tokenFor('charnwood.editor');
    admin = await running.tokenFor('charnwood.admin');
    viewer = await running.tokenFor('charnwood.viewer');
  });

  afterAll(async () => {
    await running?.close();
  });

  function charnwood(method: 'get' | 'post' | 'patch', path: string, token: string) {
    const agent = request(running.platformUrl);
    const url = `/api/v1${path}`;
    const call = method === 'get' ? agent.get(url) : method === 'post' ? agent.post(url) : agent.patch(url);
    return call.set('Host', running.councilHost('charnwood')).auth(token, { type: 'bearer' });
  }

  /** A token for an action lead in the given teams, signed by the embedded provider's realm key (the realm's demo lead has no team). */
  async function actionLeadIn(teams: readonly string[]): Promise<string> {
    const keys = await loadOrCreateProviderKeys('.data/identity');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: `${running.config.identity.publicUrl}/realms/due-regard`,
      sub: randomUUID(),
      typ: 'Bearer',
      azp: 'due-regard-cli',
      aud: 'due-regard-api',
      iat: now,
      exp: now + 300,
      preferred_username: 'charnwood.hr.lead',
      groups: ['/councils/charnwood/action-lead', ...teams.map((team) => `/councils/charnwood/teams/${team}`)],
      realm_access: { roles: [] },
    })
      .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
      .sign(keys.signingKey);
  }

  interface Fixture {
    readonly strategyId: string;
    readonly objectiveId: string;
    readonly planId: string;
  }
  let fixture: Fixture | undefined;

  /** A strategy with one objective and a plan under it, made over HTTP once. */
  async function planFixture(): Promise<Fixture> {
    if (fixture !== undefined) return fixture;
    const strategy = await charnwood('post', '/strategies', editor).send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    expect(strategy.status).toBe(201);
    const strategyId = written(strategy).id;
    const objective = await charnwood('post', `/strategies/${strategyId}/objectives`, editor).send({
      ref: 'PEO 1',
      title: 'To assess, consult and evaluate the impact of our services',
      psedAims: ['eliminate-discrimination', 'advance-equality-of-opportunity'],
    });
    expect(objective.status).toBe(201);
    const plan = await charnwood('post', '/plans', editor).send({
      strategyId,
      title: 'Equality Strategy Action Plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    expect(plan.status).toBe(201);
    fixture = { strategyId, objectiveId: written(objective).id, planId: written(plan).id };
    return fixture;
  }

  async function addAction(ref: string, leads: readonly string[]): Promise<string> {
    const { planId, objectiveId } = await planFixture();
    const added = await charnwood('post', `/plans/${planId}/actions`, editor).send({
      ref,
      objectiveId,
      title: 'Raise awareness of the Equality Impact Assessment process and guidance, through internal communications.',
      due: 'Sept 2024 and Sept 2025',
      leads,
      successMeasures: ['One article published, per year, to raise awareness of process.'],
    });
    expect(added.status).toBe(201);
    return written(added).id;
  }

  it('walks the journey: strategy, objective, plan, action, progress, a stale If-Match, the action as of before, its history', async () => {
    const strategy = await charnwood('post', '/strategies', editor).send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    expect(strategy.status).toBe(201);
    const strategyId = written(strategy).id;
    expect(written(strategy).version).toBe(1);
    expect(written(strategy).position).toMatch(/^\d+\/\d+$/);
    expect(strategy.headers['etag']).toBe('"1"');
    expect(strategy.headers['location']).toBe(`/api/v1/strategies/${strategyId}`);

    const objective = await charnwood('post', `/strategies/${strategyId}/objectives`, editor)
      .set('If-Match', '"1"')
      .send({
        ref: 'PEO 1',
        title: 'To assess, consult and evaluate the impact of our services',
        group: { kind: 'priority', title: 'Fair services' },
      });
    expect(objective.status).toBe(201);
    expect(objective.body).toMatchObject({ strategyId, version: 2 });
    expect(objective.headers['etag']).toBe('"2"');

    const plan = await charnwood('post', '/plans', editor).send({
      strategyId,
      title: 'Equality Strategy Action Plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    expect(plan.status).toBe(201);
    const planId = written(plan).id;
    expect(plan.headers['location']).toBe(`/api/v1/plans/${planId}`);

    const action = await charnwood('post', `/plans/${planId}/actions`, editor).send({
      ref: '1.4',
      objectiveId: written(objective).id,
      title: 'Raise awareness of the Equality Impact Assessment process and guidance, through internal communications.',
      due: 'Sept 2024 and Sept 2025',
      leads: ['Transformation, Strategy and Performance Team'],
      successMeasures: ['One article published, per year, to raise awareness of process.'],
      protectedCharacteristics: ['disability'],
    });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({
      planId,
      version: 1,
      planVersion: 2,
      due: { text: 'Sept 2024 and Sept 2025', kind: 'milestones', dates: ['2024-09-30', '2025-09-30'] },
    });
    const actionId = written(action).id;
    const actionPath = `/plans/${planId}/actions/${actionId}`;
    expect(action.headers['location']).toBe(`/api/v1${actionPath}`);

    const read = await charnwood('get', actionPath, viewer);
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"1"');
    expect(read.body).toMatchObject({
      ref: '1.4',
      status: 'not-started',
      rag: 'none',
      due: {
        text: 'Sept 2024 and Sept 2025',
        kind: 'milestones',
        dates: ['2024-09-30', '2025-09-30'],
        rendered: 'September 2024 and September 2025',
      },
      leads: ['Transformation, Strategy and Performance Team'],
      successMeasures: ['One article published, per year, to raise awareness of process.'],
      progress: [],
      version: 1,
    });

    await nextMillisecond();
    const progress = await charnwood('post', `${actionPath}/progress`, editor)
      .set('If-Match', read.headers['etag'] ?? '')
      .send({
        status: 'in-progress',
        rag: 'green',
        narrative: 'First article published in One Charnwood.',
        asOf: '2024-10-01',
      });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ id: actionId, planId, version: 2 });
    expect(progress.headers['etag']).toBe('"2"');

    const stale = await charnwood('post', `${actionPath}/progress`, editor)
      .set('If-Match', 'W/"1"')
      .send({ status: 'completed', rag: 'green', narrative: 'Second article published.', asOf: '2025-09-30' });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({ status: 412, currentVersion: 2 });
    const afterStale = await charnwood('get', actionPath, viewer);
    expect(afterStale.body).toMatchObject({ status: 'in-progress', version: 2 });

    const history = await charnwood('get', `${actionPath}/history`, viewer);
    expect(history.status).toBe(200);
    expect(history.headers['etag']).toBe('"2"');
    const events = (history.body as { events: HistoryEntry[] }).events;
    expect(events.map(({ version, type, actorId, source }) => ({ version, type, actorId, source }))).toEqual([
      { version: 1, type: 'ActionAdded', actorId: subjectOf(editor), source: 'api' },
      { version: 2, type: 'ProgressRecorded', actorId: subjectOf(editor), source: 'api' },
    ]);
    expect(events[0]?.summary).toMatch(
      /^Added 1\.4 ".*" under PEO 1 ".*", due "Sept 2024 and Sept 2025", led by Transformation, Strategy and Performance Team$/,
    );
    expect(events[1]?.summary).toBe(
      'Progress as of 1 October 2024: in progress (was not started), RAG green (was unrated): "First article published in One Charnwood."',
    );

    const asOf = events[0]?.time ?? '';
    const before = await charnwood('get', `${actionPath}?asOf=${encodeURIComponent(asOf)}`, viewer);
    expect(before.status).toBe(200);
    expect(before.headers['etag']).toBe('"1"');
    expect(before.body).toMatchObject({ status: 'not-started', rag: 'none', progress: [], version: 1, asOf });
  });

  it('records all of 20 parallel progress reports sent without If-Match: none lost, none refused', async () => {
    const actionId = await addAction('9.20', ['Human Resources']);
    const { planId } = await planFixture();
    const reports = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        charnwood('post', `/plans/${planId}/actions/${actionId}/progress`, editor).send({
          status: 'in-progress',
          narrative: `Parallel report ${i + 1}`,
        }),
      ),
    );
    expect(reports.map((report) => report.status)).toEqual(reports.map(() => 200));
    expect(reports.map((report) => written(report).version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    const action = await charnwood('get', `/plans/${planId}/actions/${actionId}`, editor);
    expect(actionRead(action).version).toBe(21);
    expect(
      actionRead(action)
        .progress.map((entry) => entry.narrative)
        .sort(),
    ).toEqual(Array.from({ length: 20 }, (_, i) => `Parallel report ${i + 1}`).sort());
  });

  it('answers a repeated POST with the same Idempotency-Key with the first response, and records nothing more', async () => {
    const actionId = await addAction('2.1', ['Human Resources']);
    const { planId } = await planFixture();
    const path = `/plans/${planId}/actions/${actionId}`;
    const key = randomUUID();
    const body = { status: 'in-progress', rag: 'amber', narrative: 'Draft guidance with the EWG.', asOf: '2024-07-01' };
    const first = await charnwood('post', `${path}/progress`, editor).set('Idempotency-Key', key).send(body);
    const again = await charnwood('post', `${path}/progress`, editor)
      .set('Idempotency-Key', key)
      .send({ ...body });
    expect(first.status).toBe(200);
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    expect(again.headers['etag']).toBe(first.headers['etag']);
    expect(again.headers['location']).toBe(first.headers['location']);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const action = actionRead(await charnwood('get', path, viewer));
    expect(action.version).toBe(2);
    expect(action.progress.map((entry) => entry.narrative)).toEqual(['Draft guidance with the EWG.']);

    const reused = await charnwood('post', `${path}/progress`, editor)
      .set('Idempotency-Key', key)
      .send({ ...body, narrative: 'Something else' });
    expect(reused.status).toBe(422);
    expect(problem(reused).code).toBe('idempotency_key_reused');
    expect(actionRead(await charnwood('get', path, viewer)).version).toBe(2);

    // The same key is another user's own: it does not replay someone else's answer.
    const strategy = { title: 'Another strategy', period: { from: '2024-04-01', to: '2028-03-31' } };
    const created = await charnwood('post', '/strategies', admin).set('Idempotency-Key', key).send(strategy);
    expect(created.status).toBe(201);
    const createdAgain = await charnwood('post', '/strategies', admin).set('Idempotency-Key', key).send(strategy);
    expect(createdAgain.status).toBe(201);
    expect(createdAgain.body).toEqual(created.body);
    expect(createdAgain.headers['location']).toBe(created.headers['location']);
  });

  it("lets an action lead report on their team's action, and refuses them on another team's with 403, recording nothing", async () => {
    const { planId } = await planFixture();
    const hrAction = await addAction('3.1', ['Human Resources']);
    const planningAction = await addAction('3.2', ['Planning Policy']);
    const hrLead = await actionLeadIn(['Human Resources']);
    const progress = { status: 'in-progress', narrative: 'Workforce data refreshed.', asOf: '2024-09-01' };

    const allowed = await charnwood('post', `/plans/${planId}/actions/${hrAction}/progress`, hrLead).send(progress);
    expect(allowed.status).toBe(200);
    const revised = await charnwood('post', `/plans/${planId}/actions/${hrAction}/due-revisions`, hrLead).send({
      due: 'March 2026',
      reason: 'Waiting for the new HR system',
    });
    expect(revised.status).toBe(200);
    expect(written(revised).version).toBe(3);

    const refused = await charnwood('post', `/plans/${planId}/actions/${planningAction}/progress`, hrLead).send(
      progress,
    );
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(actionRead(await charnwood('get', `/plans/${planId}/actions/${planningAction}`, viewer)).version).toBe(1);

    // The demo realm's action lead is in Human Resources: allowed on its action, refused on Planning Policy's.
    const demoLead = await running.tokenFor('charnwood.lead');
    const demoLeadAllowed = await charnwood('post', `/plans/${planId}/actions/${hrAction}/progress`, demoLead).send(
      progress,
    );
    expect(demoLeadAllowed.status).toBe(200);
    const demoLeadRefused = await charnwood(
      'post',
      `/plans/${planId}/actions/${planningAction}/progress`,
      demoLead,
    ).send(progress);
    expect(demoLeadRefused.status).toBe(403);
    // An action lead edits nothing else.
    const patched = await charnwood('patch', `/plans/${planId}/actions/${hrAction}`, hrLead).send({ title: 'Changed' });
    expect(patched.status).toBe(403);
    expect(actionRead(await charnwood('get', `/plans/${planId}/actions/${hrAction}`, viewer)).version).toBe(4);
  });

  it('refuses changes to readers and to other councils, and shows them nothing', async () => {
    const { planId } = await planFixture();
    const actionId = await addAction('4.1', ['Human Resources']);
    const path = `/plans/${planId}/actions/${actionId}`;
    const strategy = { title: 'A viewer strategy', period: { from: '2024-04-01', to: '2028-03-31' } };
    expect((await charnwood('post', '/strategies', viewer).send(strategy)).status).toBe(403);
    const auditor = await running.tokenFor('charnwood.auditor');
    const auditorProgress = await charnwood('post', `${path}/progress`, auditor).send({
      status: 'completed',
      narrative: 'x',
    });
    expect(auditorProgress.status).toBe(403);
    expect((await charnwood('get', `${path}/history`, auditor)).status).toBe(200);
    const planHistory = await charnwood('get', `/plans/${planId}/history`, auditor);
    expect(planHistory.status).toBe(200);
    expect((planHistory.body as { events: { summary: string }[] }).events.map((entry) => entry.summary)).toEqual(
      expect.arrayContaining(['Added action 4.1']),
    );
    // Approving is the council admin's.
    expect((await charnwood('post', `/plans/${planId}/approve`, editor).send({})).status).toBe(403);

    const outsider = await running.tokenFor('leicestershire.editor');
    const attempts = [
      charnwood('get', path, outsider),
      charnwood('get', `/plans/${planId}/history`, outsider),
      charnwood('post', `${path}/progress`, outsider).send({ status: 'completed', narrative: 'x' }),
      charnwood('post', '/strategies', outsider).send(strategy),
    ];
    for (const attempt of attempts) {
      const response = await attempt;
      expect(response.status).toBe(403);
      expect(response.text).not.toMatch(/Raise awareness|Human Resources|Equality Strategy/);
    }
    expect(actionRead(await charnwood('get', path, viewer)).version).toBe(1);
    // In its own council, the other council's action does not exist.
    const ownCouncil = await request(running.platformUrl)
      .get(`/api/v1${path}`)
      .set('Host', running.councilHost('leicestershire'))
      .auth(outsider, { type: 'bearer' });
    expect(ownCouncil.status).toBe(404);
    expect(ownCouncil.text).not.toMatch(/Raise awareness/);
  });

  it('names the fields at fault in problem details: 400 for malformed input, 422 for a rule', async () => {
    const { planId, objectiveId, strategyId } = await planFixture();
    const badPeriod = await charnwood('post', '/strategies', editor).send({
      title: '',
      period: { from: '2024-04-01', to: '31/03/2028' },
    });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(badPeriod)).toEqual(['title', 'period.to']);

    const badAction = await charnwood('post', `/plans/${planId}/actions`, editor).send({
      ref: '5.1',
      objectiveId: 'PEO 1',
      due: 42,
      protectedCharacteristics: ['left-handedness'],
    });
    expect(badAction.status).toBe(400);
    expect(fieldsOf(badAction).sort()).toEqual(['due', 'objectiveId', 'protectedCharacteristics.0', 'title']);

    const badPlanId = await charnwood('get', `/plans/not-a-plan/actions/${randomUUID()}`, viewer);
    expect(badPlanId.status).toBe(400);
    expect(problem(badPlanId).errors).toEqual([
      { in: 'param', field: 'planId', pointer: '#/planId', detail: expect.any(String) as unknown },
    ]);
    const badActionId = await charnwood('get', `/plans/${planId}/actions/nor-an-action`, viewer);
    expect(fieldsOf(badActionId)).toEqual(['actionId']);

    const badIfMatch = await charnwood('post', `/plans/${planId}/submit`, editor).set('If-Match', 'three').send({});
    expect(badIfMatch.status).toBe(400);
    expect(problem(badIfMatch).errors?.map((error) => `${error.in} ${error.field}`)).toEqual(['header If-Match']);

    await addAction('5.2', []);
    const duplicate = await charnwood('post', `/plans/${planId}/actions`, editor).send({
      ref: '5.2',
      objectiveId,
      title: 'A second 5.2',
      due: 'Ongoing',
    });
    expect(duplicate.status).toBe(422);
    expect(problem(duplicate).code).toBe('duplicate_action_ref');
    expect(fieldsOf(duplicate)).toEqual(['ref']);

    const outsidePeriod = await charnwood('post', '/plans', editor).send({
      strategyId,
      title: 'Too long a plan',
      period: { from: '2024-04-01', to: '2031-03-31' },
    });
    expect(outsidePeriod.status).toBe(422);
    expect(fieldsOf(outsidePeriod)).toEqual(['period']);
  });

  it('refuses a stale If-Match on every kind of change with 412, and a change without one applies to the version read', async () => {
    const { planId } = await planFixture();
    const actionId = await addAction('6.1', ['Human Resources']);
    const path = `/plans/${planId}/actions/${actionId}`;
    const renamed = await charnwood('patch', path, editor).send({
      title: 'Raise awareness of EIAs',
      leads: ['Communications'],
    });
    expect(renamed.status).toBe(200);
    expect(written(renamed).version).toBe(3);
    const stalePatch = await charnwood('patch', path, editor).set('If-Match', '"1"').send({ title: 'Lost update' });
    expect(stalePatch.status).toBe(412);
    expect(problem(stalePatch).currentVersion).toBe(3);
    const staleDue = await charnwood('post', `${path}/due-revisions`, editor)
      .set('If-Match', '"2"')
      .send({ due: 'May 2026', reason: 'Later' });
    expect(staleDue.status).toBe(412);
    const current = await charnwood('get', path, viewer);
    expect(current.body).toMatchObject({
      title: 'Raise awareness of EIAs',
      leads: ['Communications'],
      version: 3,
      dueRevisions: [],
    });
  });

  it('walks a plan through submission, approval, publication and closure as the roles allow', async () => {
    const { planId, objectiveId } = await planFixture();
    const submitted = await charnwood('post', `/plans/${planId}/submit`, editor).send();
    expect(submitted.status).toBe(200);
    const approved = await charnwood('post', `/plans/${planId}/approve`, admin).send({ approvedOn: '2024-04-10' });
    expect(approved.status).toBe(200);
    const published = await charnwood('post', `/plans/${planId}/publish`, admin)
      .set('If-Match', approved.headers['etag'] ?? '')
      .send({});
    expect(published.status).toBe(200);
    expect(published.headers['etag']).toBe(`"${written(approved).version + 1}"`);
    const closed = await charnwood('post', `/plans/${planId}/close`, admin).send({
      reason: 'Superseded by the 2026-2028 plan',
    });
    expect(closed.status).toBe(200);
    const tooLate = await charnwood('post', `/plans/${planId}/actions`, editor).send({
      ref: '9.1',
      objectiveId,
      title: 'Too late',
      due: 'June 2026',
    });
    expect(tooLate.status).toBe(422);
    expect(problem(tooLate).code).toBe('plan_closed');
  });

  it('documents every plans route with its request body, responses and access in the OpenAPI document', async () => {
    type Operation = { requestBody?: unknown; responses: Record<string, unknown>; 'x-due-regard-access'?: unknown };
    const document = (await request(running.platformUrl).get('/api/docs-json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const changes: [string, string][] = [
      ['post', '/api/v1/strategies'],
      ['post', '/api/v1/strategies/{strategyId}/objectives'],
      ['patch', '/api/v1/strategies/{strategyId}/objectives/{objectiveId}'],
      ['post', '/api/v1/strategies/{strategyId}/adopt'],
      ['post', '/api/v1/strategies/{strategyId}/publish'],
      ['post', '/api/v1/strategies/{strategyId}/archive'],
      ['post', '/api/v1/plans'],
      ['post', '/api/v1/plans/{planId}/submit'],
      ['post', '/api/v1/plans/{planId}/approve'],
      ['post', '/api/v1/plans/{planId}/publish'],
      ['post', '/api/v1/plans/{planId}/close'],
      ['post', '/api/v1/plans/{planId}/actions'],
      ['patch', '/api/v1/plans/{planId}/actions/{actionId}'],
      ['post', '/api/v1/plans/{planId}/actions/{actionId}/due-revisions'],
      ['post', '/api/v1/plans/{planId}/actions/{actionId}/progress'],
    ];
    for (const [method, path] of changes) {
      const operation = document.paths[path]?.[method];
      expect({ path, method, documented: operation !== undefined }).toEqual({ path, method, documented: true });
      expect(operation?.requestBody).toBeDefined();
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['400', '403', '412']));
      expect(operation?.['x-due-regard-access']).toMatchObject({ kind: 'council' });
    }
    const progress = document.paths['/api/v1/plans/{planId}/actions/{actionId}/progress']?.['post'] as
      (Operation & { parameters: { name: string; in: string; schema?: { format?: string } }[] }) | undefined;
    const parameters = (progress?.parameters ?? []).map((parameter) =>
      `${parameter.in} ${parameter.name} ${parameter.schema?.format ?? ''}`.trim(),
    );
    expect(parameters).toEqual(
      expect.arrayContaining(['path planId uuid', 'path actionId uuid', 'header If-Match', 'header Idempotency-Key']),
    );
    for (const path of [
      '/api/v1/plans/{planId}/actions/{actionId}',
      '/api/v1/plans/{planId}/actions/{actionId}/history',
      '/api/v1/plans/{planId}/history',
    ]) {
      expect(document.paths[path]?.['get']?.responses['200']).toBeDefined();
    }
  });
});
