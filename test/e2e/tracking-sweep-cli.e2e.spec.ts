import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import type { OutboxMessage } from '@due-regard/notifications';
import { reminderStream, type SweepReport } from '@due-regard/reminders';
import { generateSigningKeyPem } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from './support/running-app.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Building and booting a Nest application context: seconds, more on a busy machine. */
const CLI_TIMEOUT_MS = 120_000;

function execute(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...args], { env, timeout: CLI_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * `npm run cli -- tracking:sweep` as a child process, on a council whose published plan has work due
 * on 20 March 2027 led by Human Resources (charnwood.lead's team) and on 10 March 2027 led by a team
 * nobody is in. The council reminds 7 days before (its default update cycle): skipped days are
 * caught up within the window, the sweep of 13 March reminds charnwood.lead once, and the second run
 * of the day and the next day raise nothing.
 */
describe('npm run cli -- tracking:sweep', () => {
  let running: RunningApp;
  let store: EventStore;
  let distDir: string;
  const ids = new Map<string, string>();

  const cli = (...args: string[]): Promise<Run> =>
    execute('node', [path.join(distDir, 'apps/cli/src/main.js'), ...args], {
      ...process.env,
      DATABASE_URL: running.config.database.url ?? '',
      REDIS_KEY_PREFIX: running.config.redis.keyPrefix,
      EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
      NODE_ENV: 'test',
    });

  const sweep = async (asOf: string): Promise<SweepReport> => {
    const run = await cli('tracking:sweep', '--council', 'charnwood', '--as-of', asOf);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as SweepReport;
  };

  const workDue = (report: SweepReport) =>
    report.reminders
      .filter((reminder) => reminder.kind === 'work-due')
      .map(({ ref, dueOn, recipients }) => ({ ref, dueOn, recipients }));

  function charnwood(method: 'get' | 'post', url: string, token: string) {
    const agent = request(running.platformUrl);
    return (method === 'get' ? agent.get(`/api/v1${url}`) : agent.post(`/api/v1${url}`))
      .set('Host', running.councilHost('charnwood'))
      .auth(token, { type: 'bearer' });
  }

  beforeAll(async () => {
    // A build of its own: `npm run cli` rebuilds dist/, which other test files may be running from.
    distDir = path.resolve('test-output', `tracking-cli-${randomBytes(4).toString('hex')}`);
    const built = await execute(
      'node',
      ['infra/bin/build.mjs', '--out-dir', path.relative(process.cwd(), distDir)],
      process.env,
    );
    if (built.code !== 0) throw new Error(`build failed: ${built.stderr}`);
    running = await startDueRegard();
    store = running.app.get<EventStore>(EVENT_STORE);
    const editor = await running.tokenFor('charnwood.editor');
    const admin = await running.tokenFor('charnwood.admin');
    const strategy = await charnwood('post', '/strategies', editor).send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const strategyId = (strategy.body as { id: string }).id;
    const objective = await charnwood('post', `/strategies/${strategyId}/objectives`, editor).send({
      ref: 'PEO 1',
      title: 'Fair services',
    });
    const plan = await charnwood('post', '/plans', editor).send({
      strategyId,
      title: 'Equality Action Plan',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const planId = (plan.body as { id: string }).id;
    for (const [ref, due, team] of [
      ['1.1', '2027-03-20', 'Human Resources'],
      ['1.2', '2027-03-10', 'Procurement'],
    ] as const) {
      const added = await charnwood('post', `/plans/${planId}/actions`, editor).send({
        ref,
        objectiveId: (objective.body as { id: string }).id,
        title: `Action ${ref}`,
        due,
        leads: [team],
      });
      expect(added.status).toBe(201);
      ids.set(ref, (added.body as { id: string }).id);
    }
    await charnwood('post', `/plans/${planId}/submit`, editor).send({});
    await charnwood('post', `/plans/${planId}/approve`, admin).send({});
    expect((await charnwood('post', `/plans/${planId}/publish`, admin).send({})).status).toBe(200);
  }, CLI_TIMEOUT_MS);

  afterAll(async () => {
    await running?.close();
    if (distDir !== undefined) rmSync(distDir, { recursive: true, force: true });
  });

  it(
    'reminds once in the window, raises nothing on a second run, and catches up a skipped day',
    async () => {
      // Before either window: nothing.
      expect(workDue(await sweep('2027-03-01'))).toEqual([]);
      // No sweep from 2 to 7 March: 1.2's window opened on 3 March, and is caught up on the 8th.
      // Nobody is in Procurement: recorded, to nobody.
      expect(workDue(await sweep('2027-03-08'))).toEqual([{ ref: '1.2', dueOn: '2027-03-10', recipients: 0 }]);
      expect(workDue(await sweep('2027-03-12'))).toEqual([]);
      const first = await sweep('2027-03-13');
      expect(first).toMatchObject({ council: 'charnwood', asOf: '2027-03-13', notices: [] });
      expect(workDue(first)).toEqual([{ ref: '1.1', dueOn: '2027-03-20', recipients: 1 }]);
      const again = await sweep('2027-03-13');
      expect(again).toEqual({ council: 'charnwood', asOf: '2027-03-13', reminders: [], notices: [] });
      expect(workDue(await sweep('2027-03-14'))).toEqual([]);

      const events = await store.readStream(
        reminderStream('charnwood', { actionId: ids.get('1.1') ?? '', kind: 'work-due', dueOn: '2027-03-20' }),
      );
      // How many it went to, never who.
      expect(events.map((event) => [event.type, event.data])).toEqual([
        [
          'ReminderSent',
          { actionId: ids.get('1.1'), kind: 'work-due', dueOn: '2027-03-20', sentOn: '2027-03-13', recipients: 1 },
        ],
      ]);

      const outbox = await request(running.platformUrl)
        .get('/api/v1/dev/outbox')
        .set('Host', running.councilHost('charnwood'))
        .auth(await running.tokenFor('charnwood.admin'), { type: 'bearer' });
      // The outbox is shared by every test of this Redis: this run's action ids pick out its messages.
      const sent = (outbox.body as { messages: OutboxMessage[] }).messages.filter((message) =>
        [...ids.values()].some((id) => message.reference.startsWith(id)),
      );
      expect(sent).toMatchObject([
        { to: 'charnwood.lead@due-regard.example', subject: 'Due on 20 March 2027: 1.1 Action 1.1' },
      ]);
    },
    CLI_TIMEOUT_MS * 3,
  );

  it(
    'refuses a date that is no date and an unknown council in one line, exit code 1',
    async () => {
      const badDate = await cli('tracking:sweep', '--council', 'charnwood', '--as-of', '2027-02-30');
      expect(badDate.code).toBe(1);
      expect(badDate.stdout).toBe('');
      expect(badDate.stderr).toBe('--as-of: "2027-02-30" is not a date: write it as YYYY-MM-DD\n');
      const unknown = await cli('tracking:sweep', '--council', 'nowhere', '--as-of', '2027-03-13');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/^There is no council "nowhere" \(registered councils: .*charnwood.*\)\n$/);
    },
    CLI_TIMEOUT_MS,
  );
});
