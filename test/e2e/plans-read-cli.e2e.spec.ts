import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { generateSigningKeyPem } from '@due-regard/testing';
import { PlansEvents } from './support/plans-read-events.js';
import { startDueRegard, type RunningApp } from './support/running-app.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run cli -- ...` as an operator types it, against the running app's database. */
function cli(databaseUrl: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'cli', '--', ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
          NODE_ENV: 'test',
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Each run builds and boots a Nest application context: seconds, more on a busy machine. */
const CLI_TIMEOUT_MS = 120_000;

const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

describe('npm run cli -- projections:rebuild', () => {
  let running: RunningApp;
  let databaseUrl: string;
  let token: string;
  const planId = randomUUID();

  const plan = () =>
    request(running.platformUrl)
      .get(`/api/v1/plans/${planId}`)
      .set('Host', running.councilHost('charnwood'))
      .set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    running = await startDueRegard();
    databaseUrl = running.config.database.url ?? '';
    token = await running.tokenFor('charnwood.viewer');
    const charnwood = new PlansEvents(running, 'charnwood');
    const objectives: [string, string] = [randomUUID(), randomUUID()];
    await charnwood.strategyAndPlan(randomUUID(), planId, objectives);
    const actionId = randomUUID();
    await charnwood.addAction(planId, actionId, {
      ref: '1',
      objectiveId: objectives[1],
      objectiveIds: objectives,
      due: 'Q3 2025',
      leads: ['HR'],
    });
    await charnwood.progress(actionId, 'completed', 'green', '2025-09-01');
  }, CLI_TIMEOUT_MS);

  afterAll(async () => {
    await running?.close();
  });

  it(
    "rebuilds the council's read models and says what it did, leaving the answers as they were",
    async () => {
      const before = (await plan()).body as unknown;
      const run = await cli(databaseUrl, 'projections:rebuild', '--council', 'charnwood');
      expect(run.code).toBe(0);
      expect(lines(run.stdout)).toEqual([
        expect.stringMatching(
          /^Rebuilt charnwood's plans read models from 7 events: 1 strategies, 1 plans, 1 actions in /,
        ),
      ]);
      expect((await plan()).body).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );

  it.each([
    [[], /required option '--council <slug>'/],
    [['--council', 'Not A Slug'], /^--council must be a council slug/],
    [['--council', 'atlantis'], /^There is no council "atlantis" \(registered councils: charnwood, leicestershire\)$/],
  ])(
    'refuses %p in one line, with exit code 1',
    async (args, message) => {
      const run = await cli(databaseUrl, 'projections:rebuild', ...args);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([expect.stringMatching(message)]);
    },
    CLI_TIMEOUT_MS,
  );
});
