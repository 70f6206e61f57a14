import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PlansEvents } from './support/plans-read-events.js';
import { startDueRegard, type RunningApp } from './support/running-app.js';

interface JobBody {
  jobId: string;
  council: string;
  state: string;
  progress: { phase: string; percent: number; eventsRead: number } | null;
  result: { events: number; actions: number } | null;
}

describe("rebuilding a council's read models over HTTP (a BullMQ job)", () => {
  let running: RunningApp;
  let tokens: Record<string, string>;
  const planId = randomUUID();
  const objectiveIds: [string, string] = [randomUUID(), randomUUID()];

  const call = (method: 'get' | 'post', path: string, user: string, council = 'charnwood') => {
    const agent = request(running.platformUrl);
    return (method === 'get' ? agent.get(path) : agent.post(path))
      .set('Host', running.councilHost(council))
      .set('Authorization', `Bearer ${tokens[user] ?? ''}`);
  };

  async function settled(jobId: string): Promise<JobBody> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const body = (await call('get', `/api/v1/projections/rebuild/${jobId}`, 'charnwood.admin')).body as JobBody;
      if (body.state === 'completed' || body.state === 'failed') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Job ${jobId} did not finish`);
  }

  beforeAll(async () => {
    // A Redis database of its own: every app under test runs a worker on the `projections` queue,
    // and one of another test file would take this file's jobs to its own database.
    running = await startDueRegard({ REDIS_URL: `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/11` });
    tokens = {};
    for (const user of ['charnwood.admin', 'charnwood.viewer', 'charnwood.editor', 'leicestershire.admin']) {
      tokens[user] = await running.tokenFor(user);
    }
    const charnwood = new PlansEvents(running, 'charnwood');
    await charnwood.strategyAndPlan(randomUUID(), planId, objectiveIds);
    for (const ref of ['1.1', '1.2', '1.3']) {
      const actionId = randomUUID();
      await charnwood.addAction(planId, actionId, {
        ref,
        objectiveId: objectiveIds[0],
        objectiveIds,
        due: 'March 2026',
        leads: ['Human Resources'],
      });
      await charnwood.progress(actionId, 'in-progress', 'green', '2025-01-10');
    }
    const leicestershire = new PlansEvents(running, 'leicestershire');
    await leicestershire.strategyAndPlan(randomUUID(), randomUUID(), [randomUUID(), randomUUID()]);
  });

  afterAll(async () => {
    await running?.close();
  });

  it('is for council admins only', async () => {
    expect((await call('post', '/api/v1/projections/rebuild', 'charnwood.viewer')).status).toBe(403);
    expect((await call('post', '/api/v1/projections/rebuild', 'charnwood.editor')).status).toBe(403);
  });

  it('accepts a rebuild as a job, answers the same job when asked again, and reports its progress to the end', async () => {
    const before = (await call('get', `/api/v1/plans/${planId}`, 'charnwood.admin')).body as unknown;
    const leicestershireBefore = (await call('get', '/api/v1/plans', 'leicestershire.admin', 'leicestershire'))
      .body as unknown;

    const accepted = await call('post', '/api/v1/projections/rebuild', 'charnwood.admin');
    expect(accepted.status).toBe(202);
    const job = accepted.body as JobBody;
    expect(job.council).toBe('charnwood');
    expect(job.jobId).toMatch(/^plans-read-model\.charnwood\.after-/);
    expect(accepted.headers['location']).toBe(`/api/v1/projections/rebuild/${job.jobId}`);
    const again = await call('post', '/api/v1/projections/rebuild', 'charnwood.admin');
    expect((again.body as JobBody).jobId).toBe(job.jobId);

    const done = await settled(job.jobId);
    expect(done).toMatchObject({
      state: 'completed',
      progress: { phase: 'done', percent: 100 },
      result: { actions: 3 },
    });
    expect(done.result?.events).toBeGreaterThan(0);
    expect((await call('get', `/api/v1/plans/${planId}`, 'charnwood.admin')).body).toEqual(before);
    expect((await call('get', '/api/v1/plans', 'leicestershire.admin', 'leicestershire')).body).toEqual(
      leicestershireBefore,
    );
  });

  it('makes a new job for a new Idempotency-Key, and the same job for the same key', async () => {
    const key = randomUUID();
    const first = (await call('post', '/api/v1/projections/rebuild', 'charnwood.admin').set('Idempotency-Key', key))
      .body as JobBody;
    const second = (await call('post', '/api/v1/projections/rebuild', 'charnwood.admin').set('Idempotency-Key', key))
      .body as JobBody;
    expect(second.jobId).toBe(first.jobId);
    expect((await settled(first.jobId)).state).toBe('completed');
    const bad = await call('post', '/api/v1/projections/rebuild', 'charnwood.admin').set(
      'Idempotency-Key',
      'no spaces',
    );
    expect(bad.status).toBe(400);
  });

  it("never shows one council another council's job", async () => {
    const job = (await call('post', '/api/v1/projections/rebuild', 'charnwood.admin')).body as JobBody;
    const seen = await call(
      'get',
      `/api/v1/projections/rebuild/${job.jobId}`,
      'leicestershire.admin',
      'leicestershire',
    );
    expect(seen.status).toBe(404);
    expect(seen.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
