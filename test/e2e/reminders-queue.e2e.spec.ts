import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueEvents, type Queue } from 'bullmq';
import request from 'supertest';
import {
  REMIND_JOB,
  REMIND_SCHEDULER_ID,
  REMINDERS_QUEUE,
  type RemindJobData,
  type RemindJobResult,
} from '@due-regard/reminders';
import { startDueRegard, type RunningApp } from './support/running-app.js';

/**
 * The `reminders` queue in the running app's worker: its one daily scheduler, and jobs for days
 * run again, run twice at once, and skipped. A plan of charnwood's has work due on 10 March 2027
 * (Procurement), 20 and 25 March 2027 (Human Resources); reminders go 7 days before.
 */
describe('the reminders queue', () => {
  let running: RunningApp;
  let queue: Queue<RemindJobData, RemindJobResult>;
  let events: QueueEvents;

  function charnwood(url: string, token: string) {
    return request(running.platformUrl)
      .post(`/api/v1${url}`)
      .set('Host', running.councilHost('charnwood'))
      .auth(token, { type: 'bearer' });
  }

  /** Runs a job for charnwood on the day and answers the work-due reminders it sent. */
  async function remind(asOf: string): Promise<{ ref: string | null; dueOn: string; recipients: number }[]> {
    const job = await queue.add(REMIND_JOB, { asOf, councilSlug: 'charnwood' });
    const result: RemindJobResult = await job.waitUntilFinished(events);
    return result.reports
      .flatMap((report) => report.reminders)
      .filter((reminder) => reminder.kind === 'work-due')
      .map(({ ref, dueOn, recipients }) => ({ ref, dueOn, recipients }));
  }

  beforeAll(async () => {
    // Queues of its own: other test files' workers share this Redis.
    running = await startDueRegard({ REDIS_KEY_PREFIX: `dr-reminders-${randomBytes(4).toString('hex')}` });
    queue = running.app.get<Queue<RemindJobData, RemindJobResult>>(getQueueToken(REMINDERS_QUEUE));
    events = new QueueEvents(REMINDERS_QUEUE, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    await events.waitUntilReady();
    const editor = await running.tokenFor('charnwood.editor');
    const admin = await running.tokenFor('charnwood.admin');
    const strategy = await charnwood('/strategies', editor).send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const strategyId = (strategy.body as { id: string }).id;
    const objective = await charnwood(`/strategies/${strategyId}/objectives`, editor).send({
      ref: 'PEO 1',
      title: 'Fair services',
    });
    const plan = await charnwood('/plans', editor).send({
      strategyId,
      title: 'Equality Action Plan',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const planId = (plan.body as { id: string }).id;
    for (const [ref, due, team] of [
      ['1.1', '2027-03-20', 'Human Resources'],
      ['1.2', '2027-03-10', 'Procurement'],
      ['1.3', '2027-03-25', 'Human Resources'],
    ] as const) {
      const added = await charnwood(`/plans/${planId}/actions`, editor).send({
        ref,
        objectiveId: (objective.body as { id: string }).id,
        title: `Action ${ref}`,
        due,
        leads: [team],
      });
      expect(added.status).toBe(201);
    }
    await charnwood(`/plans/${planId}/submit`, editor).send({});
    await charnwood(`/plans/${planId}/approve`, admin).send({});
    expect((await charnwood(`/plans/${planId}/publish`, admin).send({})).status).toBe(200);
  });

  afterAll(async () => {
    await events?.close();
    await running?.close();
  });

  it('has one daily job scheduler, upserted when the worker started', async () => {
    expect(await queue.getJobScheduler(REMIND_SCHEDULER_ID)).toMatchObject({
      name: REMIND_JOB,
      pattern: '0 6 * * *',
      tz: 'Europe/London',
    });
    expect(await queue.getJobSchedulersCount()).toBe(1);
  });

  it('sends each reminder once under repeated days, days run twice at once, and skipped days', async () => {
    expect(await remind('2027-03-01')).toEqual([]);
    // 2 to 7 March skipped: 1.2's window opened on the 3rd, and the 8th catches it up.
    expect(await remind('2027-03-08')).toEqual([{ ref: '1.2', dueOn: '2027-03-10', recipients: 0 }]);
    expect(await remind('2027-03-08')).toEqual([]);
    // 9 to 12 March skipped; the 13th run twice at the same moment sends 1.1's reminder once.
    const [first, second] = await Promise.all([remind('2027-03-13'), remind('2027-03-13')]);
    expect([...(first ?? []), ...(second ?? [])]).toEqual([{ ref: '1.1', dueOn: '2027-03-20', recipients: 1 }]);
    expect(await remind('2027-03-17')).toEqual([]);
  });

  it('sends nobody who turned their reminders off, and refuses a choice that is not true or false', async () => {
    const lead = await running.tokenFor('charnwood.lead');
    const me = (method: 'get' | 'put') => {
      const agent = request(running.platformUrl);
      const call = method === 'get' ? agent.get('/api/v1/me/reminders') : agent.put('/api/v1/me/reminders');
      return call.set('Host', running.councilHost('charnwood')).auth(lead, { type: 'bearer' });
    };
    expect((await me('get')).body).toEqual({ enabled: true });
    const refused = await me('put').send({ enabled: 'no' });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await me('get')).body).toEqual({ enabled: true });
    expect((await me('put').send({ enabled: false })).body).toEqual({ enabled: false });
    // 1.3 (due 25 March, Human Resources) comes into its window on the 18th: recorded, sent to nobody.
    expect(await remind('2027-03-18')).toEqual([{ ref: '1.3', dueOn: '2027-03-25', recipients: 0 }]);
    expect((await me('get')).body).toEqual({ enabled: false });
  });
});
