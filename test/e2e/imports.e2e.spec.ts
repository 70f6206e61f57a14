import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import request from 'supertest';
import { EVENT_STORE, START, type EventStore, type RecordedEvent } from '@due-regard/event-store';
import { ACCESS_OPENAPI_EXTENSION } from '@due-regard/identity';
import { parsePlanDocument, toPreviewJson, type PreviewJson } from '@due-regard/plan-import';
import { IMPORTS_QUEUE, importJobId, type ImportJobResult } from '@due-regard/plan-import-app';
import { startDueRegard, type RunningApp } from './support/running-app.js';
import { pdfFromText } from '../../libs/plan-import/src/testing/documents.js';
import { QUEUE_PREFIX } from '@due-regard/platform';

// A Redis database of its own: every app under test runs a worker on the `imports` queue, and one
// of another test file would take this file's jobs to its own database.
const REDIS_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/12`;
const CHARNWOOD_2024 = 'charnwood-equality-action-plan-2024-2026.txt';
const fixture = (name: string): Buffer => readFileSync(path.resolve('infra/demo/plans', name));

interface ImportBody {
  id: string;
  status: string;
  progress: number;
  document: { fileName: string; sha256: string; format: string | null };
  columns: { header: string; role: string | null; by: string | null }[] | null;
  unmappedColumns: string[] | null;
  preview: PreviewJson | null;
  warnings: string[];
  error: { code: string; message: string } | null;
  defaults: { planTitle: string; planPeriod: { from: string; to: string }; strategyTitle: string } | null;
  committed: { plan: { id: string } } | null;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string }[];
}

describe('importing a plan over HTTP: upload, an imports job, remap, commit', () => {
  let running: RunningApp;
  let store: EventStore;
  let queue: Queue;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post' | 'patch', url: string, user = 'charnwood.editor', council = 'charnwood') => {
    const agent = request(running.platformUrl);
    const sent = method === 'get' ? agent.get(url) : method === 'post' ? agent.post(url) : agent.patch(url);
    return sent.set('Host', running.councilHost(council)).set('Authorization', `Bearer ${tokens[user] ?? ''}`);
  };

  const upload = (
    name: string,
    content: Buffer | string,
    user = 'charnwood.editor',
    contentType?: string,
    council = 'charnwood',
  ) =>
    call('post', '/api/v1/imports', user, council).attach(
      'file',
      typeof content === 'string' ? Buffer.from(content) : content,
      contentType === undefined ? name : { filename: name, contentType },
    );

  async function settled(id: string, user = 'charnwood.editor', council = 'charnwood'): Promise<ImportBody> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const body = (await call('get', `/api/v1/imports/${id}`, user, council)).body as ImportBody;
      if (body.status !== 'queued' && body.status !== 'parsing') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Import ${id} was not read`);
  }

  async function eventsOf(council: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let after = START;
    for (;;) {
      const batch = await store.readAll({ after, batchSize: 500, tenantId: council });
      events.push(...batch.events);
      after = batch.position;
      if (batch.caughtUp) return events;
    }
  }

  beforeAll(async () => {
    running = await startDueRegard({ REDIS_URL });
    store = running.app.get<EventStore>(EVENT_STORE);
    queue = new Queue(IMPORTS_QUEUE, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
    for (const user of ['charnwood.editor', 'charnwood.admin', 'charnwood.viewer', 'leicestershire.editor']) {
      tokens[user] = await running.tokenFor(user);
    }
  });

  afterAll(async () => {
    await queue?.close();
    await running?.close();
  });

  describe('the Charnwood 2024-2026 plan', () => {
    let id: string;

    it('is stored and queued (202, Location), read by an imports job into the preview of the issue, and nothing is recorded', async () => {
      const accepted = await upload(CHARNWOOD_2024, fixture(CHARNWOOD_2024));
      expect(accepted.status).toBe(202);
      const body = accepted.body as ImportBody;
      id = body.id;
      expect(accepted.headers['location']).toBe(`/api/v1/imports/${id}`);
      expect(['queued', 'parsing', 'ready']).toContain(body.status);

      const ready = await settled(id);
      expect(ready).toMatchObject({ status: 'ready', progress: 100, error: null });
      expect(ready.document).toMatchObject({ fileName: CHARNWOOD_2024, format: 'text' });
      const expected = toPreviewJson(
        await parsePlanDocument({ fileName: CHARNWOOD_2024, bytes: new Uint8Array(fixture(CHARNWOOD_2024)) }),
      );
      expect(ready.preview).toEqual(expected);
      expect(ready.preview?.objectives).toHaveLength(4);
      expect(ready.preview?.actions).toHaveLength(23);
      expect(ready.warnings).toEqual(expected.warnings);
      expect(ready.columns?.map((column) => [column.header, column.role])).toEqual([
        ['', 'ref'],
        ['Action', 'action'],
        ['Completion Date', 'due'],
        ['Success Measure', 'measure'],
        ['Lead', 'lead'],
      ]);
      expect(ready.defaults).toMatchObject({
        planTitle: 'Equality Strategy Action Plan 2024 – 2026',
        planPeriod: { from: '2024-04-01', to: '2026-03-31' },
        strategyTitle: 'Equality Strategy 2024-2028',
      });

      const job = await queue.getJob(importJobId({ tenant: 'charnwood', importId: id, generation: 1 }));
      expect(job?.progress).toBe(100);
      expect(job?.returnvalue as ImportJobResult | undefined).toMatchObject({ outcome: 'ready', actions: 23 });
      expect(job?.data).toMatchObject({ tenant: 'charnwood', importId: id, generation: 1 });
      expect(await eventsOf('charnwood')).toEqual([]);
    });

    it('is read again with a column mapping (PATCH), in a new job', async () => {
      const remapped = await call('patch', `/api/v1/imports/${id}`).send({
        columnMapping: { 'Success Measure': 'description' },
      });
      expect(remapped.status).toBe(202);
      expect(remapped.headers['location']).toBe(`/api/v1/imports/${id}`);

      const ready = await settled(id);
      expect(ready.status).toBe('ready');
      expect(ready.columns?.find((column) => column.header === 'Success Measure')).toEqual({
        header: 'Success Measure',
        role: 'description',
        by: 'mapping',
      });
      const first = ready.preview?.actions[0];
      expect(first?.measures).toEqual([]);
      expect(first?.description).toMatch(/^Positive feedback on revised process and EIA template/);
      const job = await queue.getJob(importJobId({ tenant: 'charnwood', importId: id, generation: 2 }));
      expect(job?.returnvalue as ImportJobResult | undefined).toMatchObject({ outcome: 'ready' });
      expect(await eventsOf('charnwood')).toEqual([]);
    });

    it('is refused a mapping to a role the importer does not know', async () => {
      const response = await call('patch', `/api/v1/imports/${id}`).send({ columnMapping: { Lead: 'boss' } });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((response.body as Problem).errors?.map((error) => error.field)).toEqual(['columnMapping.Lead']);
    });

    it("refuses a plan editor's commit that would publish (403 problem details), recording nothing and leaving the import to commit", async () => {
      for (const body of [{ publish: true }, { outcome: 'published' }]) {
        const refused = await call('post', `/api/v1/imports/${id}/commit`).send(body);
        expect(refused.status).toBe(403);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body as Problem).toMatchObject({
          status: 403,
          code: 'import_forbidden',
          detail:
            'Only council administrators may import a plan published: you may import it as a draft or submitted for approval',
        });
      }
      expect(await eventsOf('charnwood')).toEqual([]);
      expect((await call('get', '/api/v1/plans', 'charnwood.viewer')).body).toEqual({ plans: [] });
      expect((await call('get', `/api/v1/imports/${id}`)).body).toMatchObject({ status: 'ready', committed: null });
    });

    it('commits once for a council administrator (201, Location of the plan), published, and GET /api/v1/plans then shows the plan', async () => {
      const committed = await call('post', `/api/v1/imports/${id}/commit`, 'charnwood.admin').send({ publish: true });
      expect(committed.status).toBe(201);
      const result = committed.body as {
        plan: { id: string; title: string; status: string };
        strategy: { id: string; status: string };
        objectives: number;
        actions: number;
      };
      expect(result).toMatchObject({
        plan: { title: 'Equality Strategy Action Plan 2024 – 2026', status: 'published' },
        strategy: { status: 'published' },
        objectives: 4,
        actions: 23,
      });
      expect(committed.headers['location']).toBe(`/api/v1/plans/${result.plan.id}`);

      const plans = await call('get', '/api/v1/plans', 'charnwood.viewer');
      expect(plans.status).toBe(200);
      expect((plans.body as { plans: unknown[] }).plans).toEqual([
        expect.objectContaining({ id: result.plan.id, status: 'published', actions: 23 }),
      ]);
      const plan = await call('get', `/api/v1/plans/${result.plan.id}`, 'charnwood.viewer');
      expect((plan.body as { actions: { ref: string }[] }).actions.map((action) => action.ref).slice(0, 3)).toEqual([
        '1.1',
        '1.2',
        '1.3',
      ]);

      const events = await eventsOf('charnwood');
      expect(events.length).toBeGreaterThan(23 * 2);
      const admin = events[0]?.metadata.actorId;
      for (const event of events) {
        expect(event.metadata).toMatchObject({
          source: 'import',
          actorId: admin,
          extra: { documentName: CHARNWOOD_2024, importId: id },
        });
      }
      expect((await call('get', `/api/v1/imports/${id}`)).body).toMatchObject({
        status: 'committed',
        committed: { plan: { id: result.plan.id } },
      });
    });

    it('refuses a second commit and a remap once committed (409), recording nothing more', async () => {
      const before = (await eventsOf('charnwood')).length;
      const again = await call('post', `/api/v1/imports/${id}/commit`, 'charnwood.admin').send({});
      expect(again.status).toBe(409);
      expect(again.body as Problem).toMatchObject({ code: 'import_committed', status: 409 });
      const remap = await call('patch', `/api/v1/imports/${id}`).send({ columnMapping: { Lead: 'ignore' } });
      expect(remap.status).toBe(409);
      expect((await eventsOf('charnwood')).length).toBe(before);
    });

    it("is not found by another council (404), and not for another council's users or a viewer (403)", async () => {
      const elsewhere = await call('get', `/api/v1/imports/${id}`, 'leicestershire.editor', 'leicestershire');
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.text).not.toMatch(/charnwood/i);
      const commitElsewhere = await call(
        'post',
        `/api/v1/imports/${id}/commit`,
        'leicestershire.editor',
        'leicestershire',
      );
      expect(commitElsewhere.status).toBe(404);
      expect((await call('get', `/api/v1/imports/${id}`, 'leicestershire.editor')).status).toBe(403);
      expect((await call('get', `/api/v1/imports/${id}`, 'charnwood.viewer')).status).toBe(403);
      expect((await upload('plan.txt', 'Action\tLead', 'charnwood.viewer')).status).toBe(403);
    });
  });

  describe("a plan editor's import", () => {
    it('is submitted for approval when the editor asks (the strategy a draft), and goes no further', async () => {
      const accepted = await upload(
        CHARNWOOD_2024,
        fixture(CHARNWOOD_2024),
        'leicestershire.editor',
        undefined,
        'leicestershire',
      );
      const id = (accepted.body as ImportBody).id;
      expect((await settled(id, 'leicestershire.editor', 'leicestershire')).status).toBe('ready');
      const committed = await call(
        'post',
        `/api/v1/imports/${id}/commit`,
        'leicestershire.editor',
        'leicestershire',
      ).send({
        outcome: 'submitted',
      });
      expect(committed.status).toBe(201);
      expect(committed.body).toMatchObject({
        strategy: { status: 'draft' },
        plan: { status: 'submitted' },
        actions: 23,
      });
      const types = new Set((await eventsOf('leicestershire')).map((event) => event.type));
      expect(types).toContain('ActionPlanSubmitted');
      for (const beyond of ['StrategyAdopted', 'StrategyPublished', 'ActionPlanApproved', 'ActionPlanPublished']) {
        expect(types).not.toContain(beyond);
      }
    });

    it('refuses an outcome the API does not offer, and publish together with another outcome (400)', async () => {
      const accepted = await upload('plan.txt', fixture(CHARNWOOD_2024));
      const id = (accepted.body as ImportBody).id;
      for (const body of [{ outcome: 'approved' }, { outcome: 'closed' }, { outcome: 'draft', publish: true }]) {
        const refused = await call('post', `/api/v1/imports/${id}/commit`, 'charnwood.admin').send(body);
        expect(refused.status).toBe(400);
      }
    });
  });

  describe('bad uploads', () => {
    let before: number;

    beforeAll(async () => {
      before = (await eventsOf('charnwood')).length;
    });

    it('refuses an empty file at once (422 problem details)', async () => {
      const response = await upload('plan.txt', '');
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body as Problem).toMatchObject({ code: 'EMPTY_FILE', detail: 'plan.txt is empty.' });
    });

    it('refuses a type the importer never reads at once (415 problem details)', async () => {
      const bytes = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const response = await upload('plan.doc', bytes, 'charnwood.editor', 'application/msword');
      expect(response.status).toBe(415);
      expect(response.body as Problem).toMatchObject({
        code: 'UNSUPPORTED_TYPE',
        detail: 'The old Word format (.doc) is not supported: save it as .docx.',
      });
    });

    it('reads a PDF plan from its text layer in the job (202, then ready), and answers a broken one as failed', async () => {
      const text = readFileSync(
        path.resolve('libs/plan-import/src/testing/plans-varied/harrowfield-bc-equality-action-plan-2025-26.txt'),
        'utf8',
      );
      const accepted = await upload(
        'harrowfield.pdf',
        Buffer.from(await pdfFromText(text)),
        'charnwood.editor',
        'application/pdf',
      );
      expect(accepted.status).toBe(202);
      const ready = await settled((accepted.body as ImportBody).id);
      expect(ready).toMatchObject({ status: 'ready', document: { format: 'pdf', mediaType: 'application/pdf' } });
      expect(ready.preview?.actions.map((action) => action.ref)).toEqual([
        '1a',
        '1b',
        '1c',
        '2a',
        '2b',
        '2c',
        '2d',
        '3a',
        '3b',
        '3c',
        '4a',
        '4b',
        '4c',
        '5a',
        '5b',
      ]);
      const broken = await upload('plan.pdf', '%PDF-1.7\n1 0 obj', 'charnwood.editor', 'application/pdf');
      expect(broken.status).toBe(202);
      expect(await settled((broken.body as ImportBody).id)).toMatchObject({
        status: 'failed',
        error: { code: 'CORRUPT_DOCUMENT' },
      });
    });

    it('refuses a file over the size limit (413) and a request without a file (400)', async () => {
      const large = await upload('plan.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
      expect(large.status).toBe(413);
      expect(large.headers['content-type']).toMatch(/^application\/problem\+json/);
      const none = await call('post', '/api/v1/imports').field('quarterConvention', 'financial');
      expect(none.status).toBe(400);
      expect((none.body as Problem).errors?.map((error) => error.field)).toEqual(['file']);
    });

    it('reports a document with no plan table as failed, in one line, and refuses to commit it (422)', async () => {
      const accepted = await upload('notes.txt', 'Minutes of the meeting\nNothing was agreed.\n');
      expect(accepted.status).toBe(202);
      const failed = await settled((accepted.body as ImportBody).id);
      expect(failed).toMatchObject({ status: 'failed', preview: null, error: { code: 'NO_TABLE' } });
      expect(failed.error?.message).not.toMatch(/\n/);
      const commit = await call('post', `/api/v1/imports/${failed.id}/commit`).send({});
      expect(commit.status).toBe(422);
      expect(commit.body as Problem).toMatchObject({ code: 'NO_TABLE', detail: failed.error?.message });
    });

    it('reports a document named as Word that is not one as failed', async () => {
      const accepted = await upload('plan.docx', 'Action\tLead\n1.1\tDo it\tHR\n');
      expect(accepted.status).toBe(202);
      expect(await settled((accepted.body as ImportBody).id)).toMatchObject({
        status: 'failed',
        error: { code: 'NOT_A_ZIP' },
      });
    });

    it('recorded nothing for any of them', async () => {
      expect((await eventsOf('charnwood')).length).toBe(before);
    });
  });

  it('documents every imports route in the OpenAPI document, each with its access rule', async () => {
    const document = (await request(running.platformUrl).get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; [key: string]: unknown }>>;
    };
    const routes = Object.entries(document.paths)
      .filter(([route]) => route.startsWith('/api/v1/imports'))
      .flatMap(([route, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({ route, method, operation })),
      );
    expect(routes.map(({ method, route }) => `${method.toUpperCase()} ${route}`).sort()).toEqual([
      'GET /api/v1/imports/{id}',
      'PATCH /api/v1/imports/{id}',
      'POST /api/v1/imports',
      'POST /api/v1/imports/{id}/commit',
    ]);
    for (const { operation } of routes) {
      expect(operation[ACCESS_OPENAPI_EXTENSION]).toEqual({ kind: 'council', roles: ['plan-editor', 'council-admin'] });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
    }
  });
});
