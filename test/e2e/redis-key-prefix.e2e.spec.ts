import request from 'supertest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { IMPORTS_QUEUE, importJobId } from '@due-regard/plan-import-app';
import { TEST_REDIS_URL } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// Two instances on one Redis (one database of it, shared by both), each with a database of its
// own and its own REDIS_KEY_PREFIX. Before, both used one fixed prefix: one's worker took the
// other's import jobs, found no such upload in its own database, and the upload stayed queued.
const REDIS_URL = `${TEST_REDIS_URL}/12`;
const PLAN = [
  'Equality Action Plan 2024 to 2026',
  '',
  'Ref\tAction\tCompletion Date\tSuccess Measure\tLead',
  '1.1\tPublish the workforce equality report\tMarch 2025\tReport published\tHuman Resources',
].join('\n');
const UPLOADS_EACH = 4;

interface ImportView {
  readonly id: string;
  readonly status: string;
}

describe('two instances sharing one Redis under different key prefixes', () => {
  const instances: { prefix: string; running: RunningApp; token: string }[] = [];
  const queues: Queue[] = [];
  const uploaded: { index: number; id: string }[] = [];

  beforeAll(async () => {
    for (const prefix of ['dr-e2e-first', 'dr-e2e-second']) {
      const running = await startDueRegard({ REDIS_URL, REDIS_KEY_PREFIX: prefix });
      instances.push({ prefix, running, token: await running.tokenFor('charnwood.editor') });
      queues.push(new Queue(IMPORTS_QUEUE, { connection: { url: REDIS_URL }, prefix }));
    }
  });

  afterAll(async () => {
    for (const queue of queues) await queue.close();
    for (const { running } of instances) await running.close();
  });

  async function settled(running: RunningApp, token: string, id: string): Promise<ImportView> {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const view = (
        await request(running.platformUrl)
          .get(`/api/v1/imports/${id}`)
          .set('Host', running.councilHost('charnwood'))
          .auth(token, { type: 'bearer' })
      ).body as ImportView;
      if (view.status !== 'queued' && view.status !== 'parsing') return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Import ${id} stayed queued`);
  }

  it("reads every upload in the instance that took it, each job under its own instance's prefix", async () => {
    const uploads = await Promise.all(
      instances.flatMap(({ running, token }, index) =>
        Array.from({ length: UPLOADS_EACH }, async () => {
          const response = await request(running.platformUrl)
            .post('/api/v1/imports')
            .set('Host', running.councilHost('charnwood'))
            .auth(token, { type: 'bearer' })
            .attach('file', Buffer.from(PLAN), 'plan.txt');
          expect(response.status).toBe(202);
          return { index, id: (response.body as ImportView).id };
        }),
      ),
    );
    uploaded.push(...uploads);
    for (const { index, id } of uploads) {
      const instance = instances[index];
      if (instance === undefined) throw new Error('no such instance');
      expect((await settled(instance.running, instance.token, id)).status).toBe('ready');
      const jobId = importJobId({ tenant: 'charnwood', importId: id, generation: 1 });
      expect(await queues[index]?.getJob(jobId)).toBeDefined();
      expect(await queues[1 - index]?.getJob(jobId)).toBeUndefined();
    }
  });

  it("keeps each upload's keys under its own instance's prefix alone", async () => {
    const redis = new Redis(REDIS_URL);
    try {
      // Other test files may share this Redis database: only this file's uploads are looked at.
      const keys = await redis.keys('*');
      for (const { index, id } of uploaded) {
        const ofUpload = keys.filter((key) => key.includes(id));
        expect(ofUpload.length).toBeGreaterThan(0);
        expect(ofUpload.filter((key) => !key.startsWith(`${instances[index]?.prefix ?? '?'}:`))).toEqual([]);
      }
    } finally {
      redis.disconnect();
    }
  });
});
