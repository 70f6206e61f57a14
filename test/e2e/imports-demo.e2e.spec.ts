import { readFileSync } from 'node:fs';
import request from 'supertest';
import { EVENT_STORE, START, type EventStore, type RecordedEvent } from '@due-regard/event-store';
import { DemoPlans } from '@due-regard/plan-import-app';
import { startDueRegard, type RunningApp } from './support/running-app.js';

interface PlanSummary {
  id: string;
  title: string;
  status: string;
  actions: number;
  period: { from: string; to: string };
}

interface PlanDetail {
  actions: { id: string; ref: string | null; status: string; rag: string; leads: string[] }[];
}

async function eventsOf(store: EventStore, council: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after = START;
  for (;;) {
    const batch = await store.readAll({ after, batchSize: 500, tenantId: council });
    events.push(...batch.events);
    after = batch.position;
    if (batch.caughtUp) return events;
  }
}

/** The demo lead's subject id, as the realm export fixes it. */
function subjectOf(username: string): string {
  const realm = JSON.parse(readFileSync('infra/keycloak/due-regard-realm.json', 'utf8')) as {
    users: { id: string; username: string }[];
  };
  const user = realm.users.find((candidate) => candidate.username === username);
  if (user === undefined) throw new Error(`No ${username} in the realm export`);
  return user.id;
}

describe('the demo councils on a fresh start (npm start: NODE_ENV=development, demo data on)', () => {
  let running: RunningApp;
  let store: EventStore;

  const get = async <T>(path: string, user: string, council: string): Promise<T> => {
    const response = await request(running.platformUrl)
      .get(path)
      .set('Host', running.councilHost(council))
      .set('Authorization', `Bearer ${await running.tokenFor(user)}`);
    expect(response.status).toBe(200);
    return response.body as T;
  };

  beforeAll(async () => {
    running = await startDueRegard({ NODE_ENV: 'development' });
    store = running.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await running?.close();
  });

  it("shows Charnwood's two plans over the API: 2016-2018 closed, 2024-2026 published", async () => {
    const { plans } = await get<{ plans: PlanSummary[] }>('/api/v1/plans', 'charnwood.viewer', 'charnwood');
    expect(
      plans
        .map((plan) => ({ title: plan.title, status: plan.status, actions: plan.actions, period: plan.period }))
        .sort((a, b) => a.period.from.localeCompare(b.period.from)),
    ).toEqual([
      {
        title: 'Charnwood Borough Council Equality Strategy Action Plan 2016-2018',
        status: 'closed',
        actions: 31,
        period: { from: '2016-04-01', to: '2018-03-31' },
      },
      {
        title: 'Equality Strategy Action Plan 2024 – 2026',
        status: 'published',
        actions: 23,
        period: { from: '2024-04-01', to: '2026-03-31' },
      },
    ]);
    const { strategies } = await get<{ strategies: { title: string; status: string; objectives: number }[] }>(
      '/api/v1/strategies',
      'charnwood.viewer',
      'charnwood',
    );
    expect(
      strategies
        .map(({ title, status, objectives }) => ({ title, status, objectives }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    ).toEqual([
      { title: 'Equality Strategy 2016-2020', status: 'archived', objectives: 6 },
      { title: 'Equality Strategy 2024-2028', status: 'published', objectives: 4 },
    ]);
  });

  it("shows the 2016-2018 plan's recorded progress, and the demo action lead's progress on the 2024-2026 plan", async () => {
    const { plans } = await get<{ plans: PlanSummary[] }>('/api/v1/plans', 'charnwood.lead', 'charnwood');
    const past = plans.find((plan) => plan.status === 'closed');
    const current = plans.find((plan) => plan.status === 'published');
    const closed = await get<PlanDetail>(`/api/v1/plans/${past?.id ?? ''}`, 'charnwood.lead', 'charnwood');
    expect(closed.actions.filter((action) => action.status === 'completed').length).toBeGreaterThan(20);
    expect(closed.actions.find((action) => action.ref === '3.1')?.status).toBe('in-progress');

    const published = await get<PlanDetail>(`/api/v1/plans/${current?.id ?? ''}`, 'charnwood.lead', 'charnwood');
    expect(
      published.actions
        .filter((action) => action.status !== 'not-started')
        .map((action) => [action.ref, action.status, action.rag]),
    ).toEqual([
      ['2.2', 'in-progress', 'green'],
      ['2.5', 'ongoing', 'amber'],
      ['2.6', 'in-progress', 'amber'],
      ['4.1', 'completed', 'green'],
    ]);

    const lead = subjectOf('charnwood.lead');
    const progress = (await eventsOf(store, 'charnwood')).filter((event) => event.type === 'ProgressRecorded');
    expect(progress.filter((event) => event.metadata.actorId === lead)).toHaveLength(4);
    expect(progress.filter((event) => event.metadata.source === 'import')).toHaveLength(31);
  });

  it("shows Leicestershire's 2024-2028 plan published, with its 8 pillars", async () => {
    const { plans } = await get<{ plans: PlanSummary[] }>('/api/v1/plans', 'leicestershire.admin', 'leicestershire');
    expect(plans).toEqual([
      expect.objectContaining({
        title: 'Equality, Diversity and Inclusion Action Plan 2024-2028',
        status: 'published',
        actions: 33,
        period: { from: '2024-04-01', to: '2028-03-31' },
      }),
    ]);
    const { strategies } = await get<{ strategies: { status: string; objectives: number }[] }>(
      '/api/v1/strategies',
      'leicestershire.admin',
      'leicestershire',
    );
    expect(strategies).toEqual([expect.objectContaining({ status: 'published', objectives: 8 })]);
  });

  it('imports nothing again once the councils have strategies', async () => {
    const before = (await eventsOf(store, 'charnwood')).length + (await eventsOf(store, 'leicestershire')).length;
    expect(await running.app.get(DemoPlans).seed()).toEqual([]);
    const after = (await eventsOf(store, 'charnwood')).length + (await eventsOf(store, 'leicestershire')).length;
    expect(after).toBe(before);
  });
});

describe('a start with DEMO_DATA=false', () => {
  it('imports no demo plans', async () => {
    const running = await startDueRegard({ NODE_ENV: 'development', DEMO_DATA: 'false' });
    try {
      const store = running.app.get<EventStore>(EVENT_STORE);
      const strategies = await store.readAll({ after: START, batchSize: 10, eventTypes: ['StrategyDrafted'] });
      expect(strategies.events).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
