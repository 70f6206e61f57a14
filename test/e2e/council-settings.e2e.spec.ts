import { Queue, QueueEvents } from 'bullmq';
import request, { type Response } from 'supertest';
import { EVENT_STORE, streamName, type EventStore, type RecordedEvent } from '@due-regard/event-store';
import {
  IMPORTS_QUEUE,
  IMPORTS_SCHEMA,
  PURGE_JOB,
  PURGE_SCHEDULE,
  PURGE_SCHEDULER_ID,
  type PurgeReport,
} from '@due-regard/plan-import-app';
import { Database, QUEUE_PREFIX } from '@due-regard/platform';
import { startDueRegard, type RunningApp } from './support/running-app.js';

/** The update cycle of a council that never chose one. */
const DEFAULT_CYCLE = { frequency: 'quarterly', dueDay: 15, remindDaysBefore: 7 };

// A Redis database of its own: every app under test runs a worker on the `imports` queue, and one
// of another test file would take this file's jobs to its own database.
const REDIS_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/13`;

interface CouncilBody {
  slug: string;
  settings: { quarterConvention: string; updateCycle: object };
}
interface DueBody {
  text: string | null;
  kind: string;
  dates: string[];
  range: { from: string; to: string } | null;
}
interface ImportBody {
  id: string;
  status: string;
  quarterConvention: string;
  preview: { actions: { ref: string | null; due: { dates: string[] } }[] } | null;
}
interface CommitBody {
  plan: { id: string };
}
interface Problem {
  status: number;
  code?: string;
  errors?: { field: string }[];
}

/** A plan as a council officer pastes it: one bare quarter, one quarter with its months named. */
const PLAN_TEXT = [
  'Ref\tAction\tDue\tLead',
  'PEO 1: Fair services',
  '1.1\tReview the complaints process\tQ1 2024\tCustomer Services',
  '1.2\tPublish the pay gap report\tQ2 July to September 2025\tHR',
  '',
].join('\n');

const CALENDAR_Q1_2024 = { from: '2024-01-01', to: '2024-03-31' };
const FINANCIAL_Q1_2024 = { from: '2024-04-01', to: '2024-06-30' };

/**
 * The quarter convention as a council setting: GET and PATCH /api/v1/council(/settings), then the
 * same "Q1 2024" recorded through the plans API and through an HTTP import, in a calendar council
 * (Charnwood) and a financial-year one (Leicestershire). Then Idempotency-Key on the import routes.
 */
describe("a council's quarter convention, and Idempotency-Key on imports", () => {
  let running: RunningApp;
  let store: EventStore;
  let database: Database;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post' | 'patch', path: string, user: string, council: string) => {
    const agent = request(running.platformUrl);
    const url = `/api/v1${path}`;
    const sent = method === 'get' ? agent.get(url) : method === 'post' ? agent.post(url) : agent.patch(url);
    return sent.set('Host', running.councilHost(council)).auth(tokens[user] ?? '', { type: 'bearer' });
  };
  const problem = (response: Response): Problem => response.body as Problem;

  // Streams are read directly (the global log shows an event once older transactions end).
  const councilEvents = (council: string) => store.readStream(streamName('council', 'platform', council));
  const actionEvents = (council: string, actionId: string) => store.readStream(streamName('action', council, actionId));

  /** Each action's `ActionAdded`, in the order the plan registered them. */
  async function actionsOfPlan(council: string, planId: string): Promise<RecordedEvent[]> {
    const registered = (await store.readStream(streamName('plan', council, planId))).filter(
      (event) => event.type === 'ActionRegistered',
    );
    const added: RecordedEvent[] = [];
    for (const event of registered) {
      const actionId = event.data['actionId'];
      if (typeof actionId !== 'string') throw new Error('ActionRegistered without an actionId');
      const [first] = await actionEvents(council, actionId);
      if (first !== undefined) added.push(first);
    }
    return added;
  }

  /** How many action plans the council has (their streams). */
  async function plansOf(council: string): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM event_store.streams WHERE tenant_id = $1 AND stream_id LIKE 'plan-%'`,
      [council],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async function settled(id: string, user: string, council: string): Promise<ImportBody> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const body = (await call('get', `/imports/${id}`, user, council)).body as ImportBody;
      if (body.status !== 'queued' && body.status !== 'parsing') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Import ${id} was not read`);
  }

  /** A strategy with one objective and a plan under it, over HTTP; returns the plan and objective ids. */
  async function planIn(council: string, editor: string): Promise<{ planId: string; objectiveId: string }> {
    const strategy = await call('post', '/strategies', editor, council).send({
      title: 'Equality Strategy 2023-2027',
      period: { from: '2023-04-01', to: '2027-03-31' },
    });
    expect(strategy.status).toBe(201);
    const strategyId = (strategy.body as { id: string }).id;
    const objective = await call('post', `/strategies/${strategyId}/objectives`, editor, council).send({
      ref: 'PEO 1',
      title: 'Fair services',
    });
    expect(objective.status).toBe(201);
    const plan = await call('post', '/plans', editor, council).send({
      strategyId,
      title: 'Equality Action Plan 2023-2026',
      period: { from: '2023-04-01', to: '2026-03-31' },
    });
    expect(plan.status).toBe(201);
    return { planId: (plan.body as { id: string }).id, objectiveId: (objective.body as { id: string }).id };
  }

  async function addAction(council: string, editor: string, ref: string, due: string): Promise<Response> {
    const { planId, objectiveId } = await planIn(council, editor);
    return call('post', `/plans/${planId}/actions`, editor, council).send({
      ref,
      objectiveId,
      title: 'Review the complaints process',
      due,
    });
  }

  const upload = (user: string, council: string, text = PLAN_TEXT, name = 'plan.txt') =>
    call('post', '/imports', user, council).attach('file', Buffer.from(text), name);

  async function importsOf(council: string): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${IMPORTS_SCHEMA}.imports WHERE tenant_id = $1`,
      [council],
    );
    return Number(rows[0]?.count ?? 0);
  }

  beforeAll(async () => {
    running = await startDueRegard({ REDIS_URL });
    store = running.app.get<EventStore>(EVENT_STORE);
    database = running.app.get(Database);
    for (const user of [
      'charnwood.editor',
      'charnwood.admin',
      'charnwood.viewer',
      'leicestershire.editor',
      'leicestershire.admin',
    ]) {
      tokens[user] = await running.tokenFor(user);
    }
    // Booting the whole application takes seconds, more on a busy machine.
  });

  afterAll(async () => {
    await running?.close();
  });

  describe('the council setting', () => {
    it('is calendar by default, shown with the council and its ETag', async () => {
      const council = await call('get', '/council', 'charnwood.viewer', 'charnwood');
      expect(council.status).toBe(200);
      expect((council.body as CouncilBody).settings).toEqual({
        quarterConvention: 'calendar',
        updateCycle: DEFAULT_CYCLE,
      });
      expect(council.headers['etag']).toBe('"1"');
    });

    it('is changed by a council admin only; bad input is a 400 problem naming the field, a stale If-Match a 412, and nothing changes', async () => {
      const byEditor = await call('patch', '/council/settings', 'leicestershire.editor', 'leicestershire').send({
        quarterConvention: 'financial',
      });
      expect(byEditor.status).toBe(403);
      const byOtherCouncil = await call('patch', '/council/settings', 'charnwood.admin', 'leicestershire').send({
        quarterConvention: 'financial',
      });
      expect(byOtherCouncil.status).toBe(403);

      const unknown = await call('patch', '/council/settings', 'leicestershire.admin', 'leicestershire').send({
        quarterConvention: 'academic',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problem(unknown).errors?.map((error) => error.field)).toEqual(['quarterConvention']);
      const nothing = await call('patch', '/council/settings', 'leicestershire.admin', 'leicestershire').send({});
      expect(nothing.status).toBe(400);
      const extra = await call('patch', '/council/settings', 'leicestershire.admin', 'leicestershire').send({
        quarterConvention: 'financial',
        name: 'Another name',
      });
      expect(extra.status).toBe(400);

      const stale = await call('patch', '/council/settings', 'leicestershire.admin', 'leicestershire')
        .set('If-Match', '"0"')
        .send({ quarterConvention: 'financial' });
      expect(stale.status).toBe(412);

      const council = await call('get', '/council', 'leicestershire.editor', 'leicestershire');
      expect((council.body as CouncilBody).settings).toEqual({
        quarterConvention: 'calendar',
        updateCycle: DEFAULT_CYCLE,
      });
      expect(council.headers['etag']).toBe('"1"');
      expect((await councilEvents('leicestershire')).map((event) => event.type)).toEqual(['CouncilRegistered']);
    });

    it("moves Leicestershire to the financial year: recorded on the council's stream, seen at once", async () => {
      const changed = await call('patch', '/council/settings', 'leicestershire.admin', 'leicestershire')
        .set('If-Match', '"1"')
        .send({ quarterConvention: 'financial' });
      expect(changed.status).toBe(200);
      expect(changed.headers['etag']).toBe('"2"');
      expect(changed.body).toMatchObject({ slug: 'leicestershire', settings: { quarterConvention: 'financial' } });

      const council = await call('get', '/council', 'leicestershire.editor', 'leicestershire');
      expect((council.body as CouncilBody).settings).toEqual({
        quarterConvention: 'financial',
        updateCycle: DEFAULT_CYCLE,
      });
      expect(council.headers['etag']).toBe('"2"');

      const recorded = await councilEvents('leicestershire');
      expect(recorded.map((event) => [event.type, event.data])).toEqual([
        ['CouncilRegistered', expect.objectContaining({ slug: 'leicestershire' })],
        [
          'CouncilSettingsChanged',
          {
            slug: 'leicestershire',
            settings: {
              quarterConvention: 'financial',
              updateCycle: DEFAULT_CYCLE,
            },
          },
        ],
      ]);
      expect(recorded[1]?.metadata).toMatchObject({ tenantId: 'platform', source: 'api' });

      // The same settings again: nothing to record, the version stays.
      const again = await call('patch', '/council/settings', 'leicestershire.admin', 'leicestershire').send({
        quarterConvention: 'financial',
      });
      expect(again.status).toBe(200);
      expect(again.headers['etag']).toBe('"2"');
      // Charnwood is untouched.
      const charnwood = await call('get', '/council', 'charnwood.viewer', 'charnwood');
      expect((charnwood.body as CouncilBody).settings).toEqual({
        quarterConvention: 'calendar',
        updateCycle: DEFAULT_CYCLE,
      });
    });
  });

  describe('"Q1 2024" through the plans API', () => {
    it('is January to March 2024 in a calendar council', async () => {
      const added = await addAction('charnwood', 'charnwood.editor', '1.1', 'Q1 2024');
      expect(added.status).toBe(201);
      expect((added.body as { due: DueBody }).due).toMatchObject({
        text: 'Q1 2024',
        kind: 'date',
        dates: [CALENDAR_Q1_2024.from, CALENDAR_Q1_2024.to],
        range: CALENDAR_Q1_2024,
      });
    });

    it('is April to June 2024 in a financial-year council, and so is a revised due; months named in the text win', async () => {
      const added = await addAction('leicestershire', 'leicestershire.editor', '1.1', 'Q1 2024');
      expect(added.status).toBe(201);
      const { id, planId, due } = added.body as { id: string; planId: string; due: DueBody };
      expect(due).toMatchObject({
        kind: 'date',
        dates: [FINANCIAL_Q1_2024.from, FINANCIAL_Q1_2024.to],
        range: FINANCIAL_Q1_2024,
      });
      const [stored] = await actionEvents('leicestershire', id);
      expect(stored?.data['due']).toMatchObject({ dates: [FINANCIAL_Q1_2024.from, FINANCIAL_Q1_2024.to] });

      const revised = await call(
        'post',
        `/plans/${planId}/actions/${id}/due-revisions`,
        'leicestershire.editor',
        'leicestershire',
      ).send({ due: 'Q4 2024', reason: 'Waiting for the new system' });
      expect(revised.status).toBe(200);
      const revision = (await actionEvents('leicestershire', id)).find((event) => event.type === 'DueRevised');
      // Q4 of 2024/25: January to March 2025 (a calendar council's Q4 2024 is October to December 2024).
      expect(revision?.data['due']).toMatchObject({ text: 'Q4 2024', dates: ['2025-01-01', '2025-03-31'] });

      const named = await addAction('leicestershire', 'leicestershire.editor', '1.2', 'Q1 January to March 2024');
      expect((named.body as { due: DueBody }).due.dates).toEqual([CALENDAR_Q1_2024.from, CALENDAR_Q1_2024.to]);
    });
  });

  describe('"Q1 2024" through an import over HTTP', () => {
    async function importAndCommit(council: string, editor: string): Promise<RecordedEvent[]> {
      const accepted = await upload(editor, council);
      expect(accepted.status).toBe(202);
      const ready = await settled((accepted.body as ImportBody).id, editor, council);
      expect(ready.status).toBe('ready');
      const committed = await call('post', `/imports/${ready.id}/commit`, editor, council).send({
        period: { from: '2024-01-01', to: '2026-03-31' },
      });
      expect(committed.status).toBe(201);
      const planId = (committed.body as CommitBody).plan.id;
      const actions = await actionsOfPlan(council, planId);
      expect(actions.map((event) => event.data['ref'])).toEqual(['1.1', '1.2']);
      return actions;
    }

    it('reads and records January to March 2024 for a calendar council', async () => {
      const [bare, named] = await importAndCommit('charnwood', 'charnwood.editor');
      expect(bare?.data['due']).toMatchObject({ dates: [CALENDAR_Q1_2024.from, CALENDAR_Q1_2024.to] });
      expect(named?.data['due']).toMatchObject({ dates: ['2025-07-01', '2025-09-30'] });
    });

    it("reads the preview with the council's financial year and records what the preview showed", async () => {
      const accepted = await upload('leicestershire.editor', 'leicestershire');
      const ready = await settled((accepted.body as ImportBody).id, 'leicestershire.editor', 'leicestershire');
      expect(ready.quarterConvention).toBe('financial');
      expect(ready.preview?.actions.map((action) => action.due.dates)).toEqual([
        [FINANCIAL_Q1_2024.from, FINANCIAL_Q1_2024.to],
        ['2025-07-01', '2025-09-30'],
      ]);

      const [bare, named] = await importAndCommit('leicestershire', 'leicestershire.editor');
      expect(bare?.data['due']).toMatchObject({
        text: 'Q1 2024',
        dates: [FINANCIAL_Q1_2024.from, FINANCIAL_Q1_2024.to],
      });
      expect(named?.data['due']).toMatchObject({ dates: ['2025-07-01', '2025-09-30'] });
    });

    it('keeps an upload that names its convention to that convention', async () => {
      const accepted = await upload('leicestershire.editor', 'leicestershire').field('quarterConvention', 'calendar');
      const ready = await settled((accepted.body as ImportBody).id, 'leicestershire.editor', 'leicestershire');
      expect(ready.quarterConvention).toBe('calendar');
      expect(ready.preview?.actions[0]?.due.dates).toEqual([CALENDAR_Q1_2024.from, CALENDAR_Q1_2024.to]);
    });
  });

  describe('Idempotency-Key on POST /api/v1/imports and POST /api/v1/imports/{id}/commit', () => {
    it('answers a repeated upload with the first answer and stores one import; another file or field under the key is 422', async () => {
      const before = await importsOf('charnwood');
      const key = 'upload-7d1e-7abc-8def';
      const first = await upload('charnwood.editor', 'charnwood').set('Idempotency-Key', key);
      expect(first.status).toBe(202);
      const again = await upload('charnwood.editor', 'charnwood').set('Idempotency-Key', key);
      expect(again.status).toBe(202);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers['location']).toBe(first.headers['location']);
      expect(await importsOf('charnwood')).toBe(before + 1);

      const otherFile = await upload(
        'charnwood.editor',
        'charnwood',
        `${PLAN_TEXT}1.3\tAnother action\tMay 2025\tHR\n`,
      ).set('Idempotency-Key', key);
      expect(otherFile.status).toBe(422);
      expect(problem(otherFile).code).toBe('idempotency_key_reused');
      const otherField = await upload('charnwood.editor', 'charnwood')
        .field('quarterConvention', 'financial')
        .set('Idempotency-Key', key);
      expect(otherField.status).toBe(422);
      expect(await importsOf('charnwood')).toBe(before + 1);

      // Without a key, the same file is another upload.
      expect((await upload('charnwood.editor', 'charnwood')).status).toBe(202);
      expect(await importsOf('charnwood')).toBe(before + 2);
    });

    it('answers a repeated commit with the first answer and records one plan; another body under the key is 422', async () => {
      const accepted = await upload('charnwood.editor', 'charnwood');
      const ready = await settled((accepted.body as ImportBody).id, 'charnwood.editor', 'charnwood');
      const plansBefore = await plansOf('charnwood');
      const key = 'commit-7d1e-7abc-8def';
      const body = { period: { from: '2024-01-01', to: '2026-03-31' } };

      const first = await call('post', `/imports/${ready.id}/commit`, 'charnwood.editor', 'charnwood')
        .set('Idempotency-Key', key)
        .send(body);
      expect(first.status).toBe(201);
      const again = await call('post', `/imports/${ready.id}/commit`, 'charnwood.editor', 'charnwood')
        .set('Idempotency-Key', key)
        .send(body);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers['location']).toBe(`/api/v1/plans/${(first.body as CommitBody).plan.id}`);
      expect(await plansOf('charnwood')).toBe(plansBefore + 1);

      const otherBody = await call('post', `/imports/${ready.id}/commit`, 'charnwood.editor', 'charnwood')
        .set('Idempotency-Key', key)
        .send({ ...body, publish: true });
      expect(otherBody.status).toBe(422);
      expect(problem(otherBody).code).toBe('idempotency_key_reused');
      // Without the key, the import has been committed already.
      const withoutKey = await call('post', `/imports/${ready.id}/commit`, 'charnwood.editor', 'charnwood').send(body);
      expect(withoutKey.status).toBe(409);
      expect(await plansOf('charnwood')).toBe(plansBefore + 1);
    });
  });

  describe('the purge of stored uploads, a job on the imports queue', () => {
    it('is scheduled once, daily; run, it deletes an upload untouched past IMPORT_RETENTION_DAYS and keeps a recent one', async () => {
      const connection = { url: REDIS_URL };
      const queue = new Queue<Record<string, never>, PurgeReport>(IMPORTS_QUEUE, { connection, prefix: QUEUE_PREFIX });
      const queueEvents = new QueueEvents(IMPORTS_QUEUE, { connection, prefix: QUEUE_PREFIX });
      try {
        await queueEvents.waitUntilReady();
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers.filter((scheduler) => scheduler.name === PURGE_JOB)).toHaveLength(1);
        expect(await queue.getJobScheduler(PURGE_SCHEDULER_ID)).toMatchObject({
          name: PURGE_JOB,
          pattern: PURGE_SCHEDULE.pattern,
          tz: PURGE_SCHEDULE.tz,
        });

        const old = (await upload('charnwood.editor', 'charnwood')).body as ImportBody;
        const recent = (await upload('charnwood.editor', 'charnwood')).body as ImportBody;
        await settled(old.id, 'charnwood.editor', 'charnwood');
        await settled(recent.id, 'charnwood.editor', 'charnwood');
        expect(running.config.imports.retentionDays).toBe(30);
        await database.pool.query(
          `UPDATE ${IMPORTS_SCHEMA}.imports SET updated_at = now() - interval '31 days' WHERE import_id = $1`,
          [old.id],
        );

        const job = await queue.add(PURGE_JOB, {});
        const report = await job.waitUntilFinished(queueEvents, 60_000);
        expect(report).toMatchObject({ deleted: 1, stripped: 0 });
        expect((await call('get', `/imports/${old.id}`, 'charnwood.editor', 'charnwood')).status).toBe(404);
        const kept = await call('get', `/imports/${recent.id}`, 'charnwood.editor', 'charnwood');
        expect(kept.status).toBe(200);
        expect(kept.body).toMatchObject({ id: recent.id, status: 'ready', purgedAt: null });
      } finally {
        await queueEvents.close();
        await queue.close();
      }
    });
  });
});
