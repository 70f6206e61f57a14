import request from 'supertest';
import { Queue } from 'bullmq';
import { IMPORTS_QUEUE, IMPORTS_SCHEMA, ImportRedrive, importJobId } from '@due-regard/plan-import-app';
import { Database } from '@due-regard/platform';
import { TEST_REDIS_URL } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// An upload left queued with no job that will read it (the job taken by another instance, lost
// with Redis's data, or finished while the record says otherwise) is queued again by the worker.
const REDIS_URL = `${TEST_REDIS_URL}/14`;
const PREFIX = 'dr-e2e-redrive';

interface ImportView {
  readonly id: string;
  readonly status: string;
}

describe('uploads stranded without a job', () => {
  let running: RunningApp;
  let token: string;
  let queue: Queue;

  beforeAll(async () => {
    running = await startDueRegard({ REDIS_URL, REDIS_KEY_PREFIX: PREFIX });
    token = await running.tokenFor('charnwood.editor');
    queue = new Queue(IMPORTS_QUEUE, { connection: { url: REDIS_URL }, prefix: PREFIX });
  });

  afterAll(async () => {
    await queue?.close();
    await running?.close();
  });

  const view = async (id: string): Promise<ImportView> =>
    (
      await request(running.platformUrl)
        .get(`/api/v1/imports/${id}`)
        .set('Host', running.councilHost('charnwood'))
        .auth(token, { type: 'bearer' })
    ).body as ImportView;

  async function settled(id: string): Promise<ImportView> {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const current = await view(id);
      if (current.status !== 'queued' && current.status !== 'parsing') return current;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Import ${id} stayed queued`);
  }

  async function readUpload(): Promise<string> {
    const response = await request(running.platformUrl)
      .post('/api/v1/imports')
      .set('Host', running.councilHost('charnwood'))
      .auth(token, { type: 'bearer' })
      .attach('file', Buffer.from('Ref\tAction\tCompletion Date\n1.1\tPublish the report\tMarch 2025\n'), 'plan.txt');
    if (response.status !== 202) throw new Error(`upload: ${response.status} ${response.text}`);
    const { id } = response.body as ImportView;
    expect((await settled(id)).status).toBe('ready');
    return id;
  }

  /** The record as a lost job leaves it: queued, untouched for two minutes. */
  async function strand(id: string): Promise<void> {
    await running.app.get(Database).pool.query(
      `UPDATE ${IMPORTS_SCHEMA}.imports SET status = 'queued', progress = 0, preview = NULL, defaults = NULL,
                updated_at = now() - interval '2 minutes' WHERE import_id = $1`,
      [id],
    );
  }

  it.each([
    ['whose job is gone', true],
    ['whose job finished', false],
  ])('reads an upload %s again', async (_, removeJob) => {
    const id = await readUpload();
    if (removeJob) await queue.remove(importJobId({ tenant: 'charnwood', importId: id, generation: 1 }));
    await strand(id);
    expect((await view(id)).status).toBe('queued');

    expect(await running.app.get(ImportRedrive).redrive()).toBe(1);
    expect((await settled(id)).status).toBe('ready');
    expect(await running.app.get(ImportRedrive).redrive()).toBe(0);
  });

  it('leaves an upload that was just queued to its job', async () => {
    const id = await readUpload();
    await strand(id);
    await running.app
      .get(Database)
      .pool.query(`UPDATE ${IMPORTS_SCHEMA}.imports SET updated_at = now() WHERE import_id = $1`, [id]);
    expect(await running.app.get(ImportRedrive).redrive()).toBe(0);
  });
});
