import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { createTestDatabase, demoUserTokens, testEnvironment, type TestDatabase } from '@due-regard/testing';
import { freePort } from './support/running-app.js';

const root = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so that the compiled files find node_modules.
const outDir = path.join('test-output', `build-${process.pid}-${randomBytes(4).toString('hex')}`);

interface RunningProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(script: string[], environment: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', ...script], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Polls /health until the app answers, or fails with what the app printed. */
async function healthy(url: string, app: RunningProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) break;
    const answered = await fetch(`${url}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The app did not become healthy:\n${app.output()}`);
}

/**
 * kill -9 between the append and the answer: a progress report sent with an Idempotency-Key is
 * durable, its process dies before answering, and the client repeats the request against the
 * restarted app. The repeat gets the first answer and nothing is recorded twice.
 */
describe('Idempotency-Key across a crash between the append and the answer', () => {
  let database: TestDatabase;
  let environment: Record<string, string>;
  let platformUrl: string;
  let port: number;
  let app: RunningProcess | null = null;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ['infra/bin/build.mjs', '--out-dir', outDir], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    database = await createTestDatabase('dr_crash');
    port = await freePort();
    platformUrl = `http://localhost:${port}`;
    environment = testEnvironment(database.url, { PORT: String(port) });
  });

  afterAll(async () => {
    if (app !== null && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await database?.drop();
    await rm(path.join(root, outDir), { recursive: true, force: true });
  });

  it('answers the repeat with the first answer and records the progress once', async () => {
    app = run(['test/e2e/support/crash-after-command.mjs', outDir], environment);
    await healthy(platformUrl, app);
    const editor = (await demoUserTokens(platformUrl, 'charnwood.editor')).access_token;
    const charnwood = (method: 'get' | 'post', url: string) =>
      (method === 'get' ? request(platformUrl).get(`/api/v1${url}`) : request(platformUrl).post(`/api/v1${url}`))
        .set('Host', `charnwood.localhost:${port}`)
        .auth(editor, { type: 'bearer' });

    const strategy = await charnwood('post', '/strategies').send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    expect(strategy.status).toBe(201);
    const strategyId = (strategy.body as { id: string }).id;
    const objective = await charnwood('post', `/strategies/${strategyId}/objectives`).send({
      ref: 'PEO 1',
      title: 'To assess, consult and evaluate the impact of our services',
    });
    const plan = await charnwood('post', '/plans').send({
      strategyId,
      title: 'Equality Strategy Action Plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    const planId = (plan.body as { id: string }).id;
    const action = await charnwood('post', `/plans/${planId}/actions`).send({
      ref: '1.1',
      objectiveId: (objective.body as { id: string }).id,
      title: 'Raise awareness of the Equality Impact Assessment process',
      due: 'March 2026',
      leads: ['Human Resources'],
    });
    expect(action.status).toBe(201);
    const progressPath = `/plans/${planId}/actions/${(action.body as { id: string }).id}/progress`;
    const key = randomUUID();
    const report = { status: 'in-progress', rag: 'green', narrative: 'Training delivered to 40 managers' };

    const dying = await charnwood('post', progressPath)
      .set('Idempotency-Key', key)
      .send(report)
      .then(
        (response) => `answered ${response.status}`,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    expect(dying).not.toMatch(/^answered/);
    expect(await app.exited).toEqual({ code: null, signal: 'SIGKILL' });

    app = run([path.join(outDir, 'apps/standalone/src/main.js')], environment);
    await healthy(platformUrl, app);
    const repeat = await charnwood('post', progressPath).set('Idempotency-Key', key).send(report);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ planId, version: 2, position: expect.stringMatching(/^\d+\/\d+$/) as string });
    expect(repeat.headers['etag']).toBe('"2"');

    const again = await charnwood('post', progressPath).set('Idempotency-Key', key).send(report);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(repeat.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const stored = await charnwood('get', progressPath.replace(/\/progress$/, ''));
    expect(stored.body).toMatchObject({ version: 2 });
    expect((stored.body as { progress: { narrative: string }[] }).progress.map((entry) => entry.narrative)).toEqual([
      'Training delivered to 40 managers',
    ]);
  });
});
