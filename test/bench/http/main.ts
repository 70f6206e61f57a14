// `npm run bench -- http [--seconds N] [--connections N]`
//
// The pages and API under load, as councils' people use them at once: the whole app (`npm start`'s
// standalone build) in a child process on a database of its own with the demo councils and plans,
// and autocannon in this process, 20 connections by default, one target after another:
// /health, GET /api/v1/plans, GET /api/v1/plans/{id} (the plan with the most actions), the
// dashboard signed in, /public and /public/plans/{id}. Prints a table, then as the very last line
// of stdout one JSON object with req/s and p99 of each and each one's throughput as a ratio to
// /health in the same run (the machine's speed cancels out). Diagnostics go to stderr.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { demoUserTokens, generateSigningKeyPem, TEST_REDIS_URL } from '@due-regard/testing';
import { signedInSessionCookie } from '../../../libs/web/src/testing/web-sessions.js';
import { wholeNumberOption, freePort } from '../shared/options.js';
import { createDatabase, dropAllDatabases, dropDatabasesOnSignal } from '../shared/databases.js';
import { fixed, formatTable } from '../shared/table.js';

/** `npm run bench` runs every benchmark from the repository's root. */
const ROOT = process.cwd();
const APP_BUILD = 'dist/bench-http-app';
const SESSION_SECRET = 'bench-http-session-secret-of-enough-length';

/** A GET with the headers as given: fetch may not set Host, which picks the council's sub-domain. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `read` gives a value, or the app died. */
async function whenReady<T>(app: ChildProcess, what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}) before ${what}`);
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(250);
  }
}

interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

interface Measured {
  readonly rps: number;
  readonly p99: number;
  readonly ok: number;
  readonly failed: number;
}

async function main(): Promise<void> {
  const seconds = wholeNumberOption('http', '--seconds', 10);
  const connections = wholeNumberOption('http', '--connections', 20);
  dropDatabasesOnSignal();
  process.stderr.write('bench http: building the app\n');
  const build = spawnSync(process.execPath, ['infra/bin/build.mjs', '--out-dir', APP_BUILD], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('the build failed');
  const database = await createDatabase('http');
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const charnwood = `charnwood.localhost:${port}`;
  const app = spawn(process.execPath, [join(APP_BUILD, 'apps/standalone/src/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO_DATA: 'true',
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
      SESSION_SECRET,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
  });
  const redis = new Redis(TEST_REDIS_URL);
  try {
    process.stderr.write('bench http: starting the app with the demo councils\n');
    await whenReady(app, 'answering /health', async () =>
      (await get(`${origin}/health`, {})).status === 200 ? true : undefined,
    );
    const token = (await demoUserTokens(origin, 'charnwood.viewer')).access_token;
    const api = { host: charnwood, authorization: `Bearer ${token}` };
    // The demo plans reach the read model shortly after start-up; the largest is the one to read.
    const planId = await whenReady(app, 'projecting the demo plans', async () => {
      const response = await get(`${origin}/api/v1/plans`, api);
      const { plans } = JSON.parse(response.body) as { plans: { id: string; actions: number }[] };
      return plans.length >= 2 ? plans.toSorted((a, b) => b.actions - a.actions)[0]?.id : undefined;
    });
    const cookie = await signedInSessionCookie({
      platformUrl: origin,
      redis,
      sessionSecret: SESSION_SECRET,
      username: 'charnwood.viewer',
    });
    const targets: Target[] = [
      { name: 'health', url: `${origin}/health`, headers: {} },
      { name: 'plans', url: `${origin}/api/v1/plans`, headers: api },
      { name: 'plan', url: `${origin}/api/v1/plans/${planId}`, headers: api },
      { name: 'dashboard', url: `${origin}/`, headers: { host: charnwood, cookie } },
      { name: 'public', url: `${origin}/public`, headers: { host: charnwood } },
      { name: 'public_plan', url: `${origin}/public/plans/${planId}`, headers: { host: charnwood } },
    ];
    const measured = new Map<string, Measured>();
    for (const target of targets) {
      const check = await get(target.url, target.headers);
      if (check.status !== 200) throw new Error(`${target.name} answers ${check.status}, not 200`);
      process.stderr.write(`bench http: ${target.name} for ${seconds}s with ${connections} connections\n`);
      const result = await autocannon({ url: target.url, connections, duration: seconds, headers: target.headers });
      measured.set(target.name, {
        rps: result.requests.average,
        p99: result.latency.p99,
        ok: result['2xx'],
        failed: result.non2xx + result.errors + result.timeouts,
      });
    }
    const health = measured.get('health')?.rps ?? 0;
    const ratio = (name: string): number => Number(((measured.get(name)?.rps ?? 0) / health).toFixed(3));
    process.stdout.write(
      `${formatTable(
        ['target', 'req/s', 'p99 ms', '2xx', 'failed', 'ratio to /health'],
        [...measured].map(([name, m]) => [
          name,
          fixed(m.rps, 0),
          fixed(m.p99, 0),
          String(m.ok),
          String(m.failed),
          fixed(m.rps / health, 3),
        ]),
      )}\n`,
    );
    const rps = (name: string): number => Math.round(measured.get(name)?.rps ?? 0);
    const summary = {
      health_rps: rps('health'),
      plans_rps: rps('plans'),
      plan_rps: rps('plan'),
      dashboard_rps: rps('dashboard'),
      public_rps: rps('public'),
      public_plan_rps: rps('public_plan'),
      p99_ms: Object.fromEntries([...measured].map(([name, m]) => [name, m.p99])),
      failed: [...measured.values()].reduce((sum, m) => sum + m.failed, 0),
      ratios: {
        plan: ratio('plan'),
        dashboard: ratio('dashboard'),
        public: ratio('public'),
        public_plan: ratio('public_plan'),
      },
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => (app.exitCode === null ? app.once('exit', resolve) : resolve(undefined)));
    await redis.quit();
    await database.drop(true);
    await dropAllDatabases();
    rmSync(join(ROOT, APP_BUILD), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench http: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
