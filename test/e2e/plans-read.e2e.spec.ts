import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ACCESS_OPENAPI_EXTENSION } from '@due-regard/identity';
import { PlansProjectionRunner } from '@due-regard/plans';
import { MONTH_NAMES } from '@due-regard/shared-kernel';
import { PlansEvents } from './support/plans-read-events.js';
import { startDueRegard, type RunningApp } from './support/running-app.js';

/** "<Month> <year>" a month from now: due within the next 90 days. */
function nextMonthText(): string {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return `${MONTH_NAMES[next.getUTCMonth()] ?? ''} ${next.getUTCFullYear()}`;
}

interface PlanBody {
  id: string;
  version: number;
  status: string;
  dashboard: {
    actions: number;
    overdue: number;
    dueNext90Days: number;
    byStatus: Record<string, number>;
    byRag: Record<string, number>;
  };
  objectives: { id: string; ref: string; dashboard: { actions: number } }[];
  actions: {
    id: string;
    ref: string;
    status: string;
    rag: string;
    overdue: boolean;
    dueNext90Days: boolean;
    leads: string[];
  }[];
}

describe('plans read models over HTTP', () => {
  let running: RunningApp;
  let charnwood: PlansEvents;
  let tokens: Record<string, string>;
  const ids = {
    strategy: randomUUID(),
    plan: randomUUID(),
    objectives: [randomUUID(), randomUUID()] as [string, string],
    actions: [randomUUID(), randomUUID(), randomUUID()],
  };

  const get = (path: string, user = 'charnwood.viewer', council = 'charnwood') =>
    request(running.platformUrl)
      .get(path)
      .set('Host', running.councilHost(council))
      .set('Authorization', `Bearer ${tokens[user] ?? ''}`);

  beforeAll(async () => {
    running = await startDueRegard();
    tokens = {};
    for (const user of [
      'charnwood.admin',
      'charnwood.editor',
      'charnwood.lead',
      'charnwood.viewer',
      'charnwood.auditor',
      'leicestershire.admin',
    ]) {
      tokens[user] = await running.tokenFor(user);
    }
    charnwood = new PlansEvents(running, 'charnwood');
    await charnwood.strategyAndPlan(ids.strategy, ids.plan, ids.objectives);
    const [a1, a2, a3] = ids.actions;
    const [o1, o2] = ids.objectives;
    await charnwood.addAction(ids.plan, a1 ?? '', {
      ref: '1.1',
      objectiveId: o1,
      objectiveIds: ids.objectives,
      due: 'June 2025',
      leads: ['Human Resources'],
    });
    await charnwood.addAction(ids.plan, a2 ?? '', {
      ref: '1.2',
      objectiveId: o1,
      objectiveIds: ids.objectives,
      due: nextMonthText(),
      leads: ['Equality Working Group'],
    });
    await charnwood.addAction(ids.plan, a3 ?? '', {
      ref: '2.1',
      objectiveId: o2,
      objectiveIds: ids.objectives,
      due: 'Ongoing',
      leads: ['Human Resources', 'Communications'],
    });
    await charnwood.progress(a2 ?? '', 'in-progress', 'amber', '2025-02-01');
    await charnwood.progress(a3 ?? '', 'ongoing', 'green', '2025-03-01');
  });

  afterAll(async () => {
    await running?.close();
  });

  it('answers a GET sent right after a change with the change in it (read-your-writes)', async () => {
    const { version } = await charnwood.progress(ids.actions[0] ?? '', 'in-progress', 'red', '2025-05-01');
    const response = await get(`/api/v1/plans/${ids.plan}`);
    expect(response.status).toBe(200);
    expect(response.headers['x-read-model']).toBe('current');
    const body = response.body as PlanBody;
    expect(body.actions.find((action) => action.id === ids.actions[0])).toMatchObject({
      rag: 'red',
      status: 'in-progress',
    });
    expect(version).toBe(2);
  });

  it('sees a command sent over HTTP in the GET that follows it', async () => {
    const editor = (method: 'post' | 'get', path: string) => {
      const agent = request(running.platformUrl);
      return (method === 'post' ? agent.post(path) : agent.get(path))
        .set('Host', running.councilHost('charnwood'))
        .set('Authorization', `Bearer ${tokens['charnwood.editor'] ?? ''}`);
    };
    const drafted = await editor('post', '/api/v1/strategies').send({
      title: 'Equality objectives 2025-2029',
      period: { from: '2025-04-01', to: '2029-03-31' },
    });
    expect(drafted.status).toBe(201);
    const { id, version } = drafted.body as { id: string; version: number };
    const read = await editor('get', `/api/v1/strategies/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers['x-read-model']).toBe('current');
    expect(read.headers['etag']).toBe(`"${version}"`);
    expect(read.body).toMatchObject({ id, title: 'Equality objectives 2025-2029', status: 'draft', objectives: [] });
  });

  it('gives a plan with its objectives, actions summary and dashboard figures, its ETag the plan stream version', async () => {
    const response = await get(`/api/v1/plans/${ids.plan}`);
    expect(response.headers['etag']).toBe('"4"');
    const body = response.body as PlanBody;
    expect(body).toMatchObject({ id: ids.plan, version: 4, status: 'draft' });
    expect(body.actions.map((action) => action.ref)).toEqual(['1.1', '1.2', '2.1']);
    expect(body.actions.map((action) => [action.ref, action.overdue, action.dueNext90Days])).toEqual([
      ['1.1', true, false],
      ['1.2', false, true],
      ['2.1', false, false],
    ]);
    expect(body.dashboard).toMatchObject({
      actions: 3,
      overdue: 1,
      dueNext90Days: 1,
      byStatus: { 'in-progress': 2, ongoing: 1, completed: 0 },
      byRag: { red: 1, amber: 1, green: 1, none: 0 },
    });
    expect(body.objectives.map((objective) => [objective.ref, objective.dashboard.actions])).toEqual([
      ['PEO 1', 2],
      ['PEO 2', 1],
    ]);
  });

  it("filters the plan's actions by objective, status, RAG, lead and overdue", async () => {
    const refs = async (query: string) =>
      ((await get(`/api/v1/plans/${ids.plan}?${query}`)).body as PlanBody).actions.map((action) => action.ref);
    expect(await refs(`objectiveId=${ids.objectives[1]}`)).toEqual(['2.1']);
    expect(await refs('status=in-progress')).toEqual(['1.1', '1.2']);
    expect(await refs('rag=amber')).toEqual(['1.2']);
    expect(await refs('lead=human%20resources')).toEqual(['1.1', '2.1']);
    expect(await refs('overdue=true')).toEqual(['1.1']);
    expect(await refs('overdue=false&status=ongoing')).toEqual(['2.1']);
  });

  it('names the field of a bad filter in problem details', async () => {
    const response = await get(`/api/v1/plans/${ids.plan}?rag=purple`);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ errors: [expect.objectContaining({ field: 'rag', in: 'query' })] });
    // Half a surrogate pair cannot come this way: percent-encoded bytes that are no UTF-8 stay as written.
    for (const lead of ['Human%00Resources', 'Human%07Resources']) {
      const unstorable = await get(`/api/v1/plans/${ids.plan}?lead=${lead}`);
      expect({ lead, status: unstorable.status }).toEqual({ lead, status: 400 });
      expect(unstorable.body).toMatchObject({ errors: [expect.objectContaining({ field: 'lead', in: 'query' })] });
    }
  });

  it('lists strategies and plans, and gives a strategy with its objectives and groups', async () => {
    const strategies = (await get('/api/v1/strategies')).body as { strategies: { id: string }[] };
    expect(strategies.strategies.find((strategy) => strategy.id === ids.strategy)).toMatchObject({
      objectives: 2,
      status: 'draft',
      version: 3,
    });
    const plans = await get('/api/v1/plans');
    expect(plans.body).toEqual({ plans: [expect.objectContaining({ id: ids.plan, actions: 3, version: 4 })] });
    const strategy = await get(`/api/v1/strategies/${ids.strategy}`);
    expect(strategy.headers['etag']).toBe('"3"');
    expect(strategy.body).toMatchObject({
      id: ids.strategy,
      objectives: [
        { id: ids.objectives[0], ref: 'PEO 1' },
        { id: ids.objectives[1], ref: 'PEO 2' },
      ],
      groups: [{ kind: 'pillar', title: 'Our communities', objectiveIds: [ids.objectives[0]] }],
    });
  });

  it.each(['charnwood.admin', 'charnwood.editor', 'charnwood.lead', 'charnwood.viewer', 'charnwood.auditor'])(
    'lets %s read',
    async (user) => {
      for (const path of [
        '/api/v1/strategies',
        `/api/v1/strategies/${ids.strategy}`,
        '/api/v1/plans',
        `/api/v1/plans/${ids.plan}`,
      ]) {
        expect([path, (await get(path, user)).status]).toEqual([path, 200]);
      }
    },
  );

  it("never reveals another council's plans: 403 on its sub-domain, 404 for its ids on one's own", async () => {
    expect((await get(`/api/v1/plans/${ids.plan}`, 'leicestershire.admin')).status).toBe(403);
    const own = await get(`/api/v1/plans/${ids.plan}`, 'leicestershire.admin', 'leicestershire');
    expect(own.status).toBe(404);
    expect(own.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await get(`/api/v1/strategies/${ids.strategy}`, 'leicestershire.admin', 'leicestershire')).status).toBe(
      404,
    );
    expect((await get('/api/v1/plans', 'leicestershire.admin', 'leicestershire')).body).toEqual({ plans: [] });
    expect((await get(`/api/v1/plans/${randomUUID()}`)).status).toBe(404);
  });

  it('answers with what it has, marked stale, when the projection does not catch up within the wait', async () => {
    const runner = running.app.get(PlansProjectionRunner);
    await runner.beforeApplicationShutdown();
    try {
      await charnwood.progress(ids.actions[1] ?? '', 'completed', 'green', '2025-06-01');
      const response = await get(`/api/v1/plans/${ids.plan}`);
      expect(response.status).toBe(200);
      expect(response.headers['x-read-model']).toBe('stale');
      expect(response.headers['warning']).toMatch(/^110 /);
      expect((response.body as PlanBody).actions.find((action) => action.ref === '1.2')?.status).toBe('in-progress');
    } finally {
      await runner.onApplicationBootstrap();
    }
    const caughtUp = await get(`/api/v1/plans/${ids.plan}`);
    expect(caughtUp.headers['x-read-model']).toBe('current');
    expect((caughtUp.body as PlanBody).actions.find((action) => action.ref === '1.2')?.status).toBe('completed');
  });

  it('dispatches ?asOf= to the write side, which rebuilds the plan as it stood then from its events', async () => {
    const before = (await get(`/api/v1/plans/${ids.plan}`)).body as PlanBody;
    const rag = before.actions.find((action) => action.ref === '2.1')?.rag;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const then = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await charnwood.progress(ids.actions[2] ?? '', 'ongoing', 'amber', '2025-07-01');

    const now = (await get(`/api/v1/plans/${ids.plan}`)).body as PlanBody;
    expect(now.actions.find((action) => action.ref === '2.1')?.rag).toBe('amber');
    const past = await get(`/api/v1/plans/${ids.plan}?asOf=${then.toISOString()}`);
    expect(past.status).toBe(200);
    expect(past.headers['etag']).toBe(`"${before.version}"`);
    const body = past.body as { asOf: string; plan: { planId: string }; actions: { ref: string; rag: string }[] };
    expect(body).toMatchObject({ asOf: then.toISOString(), plan: { planId: ids.plan } });
    expect(body.actions.find((action) => action.ref === '2.1')?.rag).toBe(rag);

    const mixed = await get(`/api/v1/plans/${ids.plan}?asOf=${then.toISOString()}&rag=red`);
    expect(mixed.status).toBe(400);
    expect((await get(`/api/v1/plans/${ids.plan}?asOf=yesterday`)).status).toBe(400);
  });

  it('documents every read route in OpenAPI with its response schema and who may call it', async () => {
    const document = (await request(running.platformUrl).get('/api/docs-json')).body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: unknown }>; [key: string]: unknown }>
      >;
    };
    for (const path of [
      '/api/v1/strategies',
      '/api/v1/strategies/{strategyId}',
      '/api/v1/plans',
      '/api/v1/plans/{planId}',
    ]) {
      const operation = document.paths[path]?.['get'];
      expect([path, operation?.[ACCESS_OPENAPI_EXTENSION]]).toEqual([
        path,
        { kind: 'council', roles: ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'] },
      ]);
      expect(operation?.responses['200']?.content).toBeDefined();
    }
    const rebuild = document.paths['/api/v1/projections/rebuild']?.['post'];
    expect(rebuild?.[ACCESS_OPENAPI_EXTENSION]).toEqual({ kind: 'council', roles: ['council-admin'] });
  });
});
