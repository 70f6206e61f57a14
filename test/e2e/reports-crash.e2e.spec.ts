import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { CheckpointSigner, PostgresEventStore, START, type RecordedEvent } from '@due-regard/event-store';
import {
  createTestDatabase,
  demoUserTokens,
  generateSigningKeyPem,
  testEnvironment,
  type TestDatabase,
} from '@due-regard/testing';
import { freePort } from './support/running-app.js';
import { planThroughApi } from './support/plan-through-api.js';

const root = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so that the compiled files find node_modules.
const outDir = path.join('test-output', `build-${process.pid}-${randomBytes(4).toString('hex')}`);
// A Redis database of its own: the restarted worker must find this file's stalled job, and only it.
const REDIS_URL = `${process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'}/8`;

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
 * kill -9 of the worker mid-job: the report's document is stored and its ReportGenerated recorded,
 * then the process dies before the job completes. The restarted worker takes the stalled job again
 * and finishes it; the council's history holds exactly one ReportGenerated.
 */
describe('a reports worker killed mid-job', () => {
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
    database = await createTestDatabase('dr_report_crash');
    port = await freePort();
    platformUrl = `http://localhost:${port}`;
    environment = testEnvironment(database.url, { PORT: String(port), REDIS_URL });
  });

  afterAll(async () => {
    if (app !== null && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await database?.drop();
    await rm(path.join(root, outDir), { recursive: true, force: true });
  });

  it('records one ReportGenerated after the restart, and serves that document', async () => {
    app = run(['test/e2e/support/crash-after-report-generated.mjs', outDir], environment);
    await healthy(platformUrl, app);
    const host = `charnwood.localhost:${port}`;
    const editor = (await demoUserTokens(platformUrl, 'charnwood.editor')).access_token;
    const { planId } = await planThroughApi(platformUrl, host, editor, [
      'Raise awareness of the Equality Impact Assessment process',
      'Publish the workforce profile',
    ]);
    const asked = await request(platformUrl)
      .post('/api/v1/reports')
      .set('Host', host)
      .auth(editor, { type: 'bearer' })
      .send({ type: 'progress', planId, format: 'pdf' });
    expect(asked.status).toBe(202);
    const { id } = asked.body as { id: string };
    expect(await app.exited).toEqual({ code: null, signal: 'SIGKILL' });

    app = run([path.join(outDir, 'apps/standalone/src/main.js')], environment);
    await healthy(platformUrl, app);
    let report: { status: string; sha256?: string } = { status: 'queued' };
    // The job's lock lapses (10 s) and the stalled check (every 5 s) hands it to the new worker.
    for (let attempt = 0; attempt < 600 && report.status !== 'ready' && report.status !== 'failed'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = (
        await request(platformUrl).get(`/api/v1/reports/${id}`).set('Host', host).auth(editor, { type: 'bearer' })
      ).body as typeof report;
    }
    expect(report.status).toBe('ready');
    const file = await request(platformUrl)
      .get(`/api/v1/reports/${id}/file`)
      .set('Host', host)
      .auth(editor, { type: 'bearer' })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(report.sha256);

    const store = await PostgresEventStore.create({
      connectionString: database.url,
      signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'reader'),
    });
    try {
      const events: RecordedEvent[] = [];
      let after = START;
      for (;;) {
        const batch = await store.readAll({
          after,
          batchSize: 500,
          tenantId: 'charnwood',
          eventTypes: ['ReportRequested', 'ReportGenerated', 'ReportFailed'],
        });
        events.push(...batch.events);
        after = batch.position;
        if (batch.caughtUp) break;
      }
      const ofReport = events.filter((event) => event.data['reportId'] === id);
      expect(ofReport.map((event) => event.type)).toEqual(['ReportRequested', 'ReportGenerated']);
      expect(ofReport[1]?.data['sha256']).toBe(report.sha256);
    } finally {
      await store.close();
    }
  });
});
