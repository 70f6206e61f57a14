import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import { EVENT_STORE, START, type EventStore, type RecordedEvent } from '@due-regard/event-store';
import { parsePlanDocument, toPreviewJson, type PreviewJson } from '@due-regard/plan-import';
import { generateSigningKeyPem } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from './support/running-app.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Building and booting a Nest application context: seconds, more on a busy machine. */
const CLI_TIMEOUT_MS = 120_000;
const PLANS = path.resolve('infra/demo/plans');
const CHARNWOOD_2024 = path.join(PLANS, 'charnwood-equality-action-plan-2024-2026.txt');
const CHARNWOOD_2016 = path.join(PLANS, 'charnwood-equality-action-plan-2016-2018.txt');
const LEICESTERSHIRE = path.join(PLANS, 'leicestershire-edi-strategy-2024-2028.txt');

function execute(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { env, timeout: CLI_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

describe('npm run cli -- import, and demo:reset', () => {
  let running: RunningApp;
  let store: EventStore;
  let distDir: string;
  let scratch: string;

  /** The built CLI, as `npm run cli` runs it, against the running app's database. */
  const cli = (...args: string[]): Promise<Run> =>
    execute('node', [path.join(distDir, 'apps/cli/src/main.js'), ...args], {
      ...process.env,
      DATABASE_URL: running.config.database.url ?? '',
      EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
      NODE_ENV: 'test',
    });

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

  const plans = async (council: string, user: string) =>
    (
      await request(running.platformUrl)
        .get('/api/v1/plans')
        .set('Host', running.councilHost(council))
        .set('Authorization', `Bearer ${await running.tokenFor(user)}`)
    ).body as { plans: { id: string; title: string; status: string; actions: number }[] };

  beforeAll(async () => {
    // A build of its own: `npm run cli` rebuilds dist/, which other test files may be running from.
    distDir = path.resolve('test-output', `imports-cli-${randomBytes(4).toString('hex')}`);
    const built = await execute(
      'node',
      ['infra/bin/build.mjs', '--out-dir', path.relative(process.cwd(), distDir)],
      process.env,
    );
    if (built.code !== 0) throw new Error(`build failed: ${built.stderr}`);
    scratch = mkdtempSync(path.join(tmpdir(), 'dr-import-'));
    running = await startDueRegard();
    store = running.app.get<EventStore>(EVENT_STORE);
  }, CLI_TIMEOUT_MS);

  afterAll(async () => {
    await running?.close();
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    if (distDir !== undefined) rmSync(distDir, { recursive: true, force: true });
  });

  it(
    'prints exactly one JSON document with --dry-run --json, the preview of the issue, and records nothing',
    async () => {
      const run = await cli('import', CHARNWOOD_2024, '--council', 'charnwood', '--dry-run', '--json');
      expect(run.code).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      expect(lines(run.stdout)).toHaveLength(1);
      const document = JSON.parse(run.stdout) as PreviewJson;
      expect(Object.keys(document)).toEqual(['groups', 'objectives', 'actions', 'warnings']);
      expect(document.objectives).toHaveLength(4);
      expect(document.actions).toHaveLength(23);
      expect(document).toEqual(
        toPreviewJson(
          await parsePlanDocument({
            fileName: path.basename(CHARNWOOD_2024),
            bytes: new Uint8Array(readFileSync(CHARNWOOD_2024)),
          }),
        ),
      );
      expect(await eventsOf('charnwood')).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'reads bare quarters as financial ones when told to',
    async () => {
      const run = await cli(
        'import',
        LEICESTERSHIRE,
        '--council',
        'leicestershire',
        '--dry-run',
        '--json',
        '--quarter-convention',
        'financial',
      );
      expect(run.code).toBe(0);
      const document = JSON.parse(run.stdout) as PreviewJson;
      expect(document.objectives).toHaveLength(8);
      expect(document.actions).toHaveLength(33);
      expect(document.actions[0]?.due).toEqual({
        text: 'Q1 2024 - Q2 2024',
        kind: 'range',
        dates: ['2024-04-01', '2024-09-30'],
      });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "reads bare quarters as the council's setting says without --quarter-convention, and records what the preview showed",
    async () => {
      // A token of its own each time: the CLI's runs take minutes on a busy machine, longer than a token lives.
      const settings = async (quarterConvention: string) =>
        request(running.platformUrl)
          .patch('/api/v1/council/settings')
          .set('Host', running.councilHost('leicestershire'))
          .set('Authorization', `Bearer ${await running.tokenFor('leicestershire.admin')}`)
          .send({ quarterConvention });
      const firstDue = async (...options: string[]) => {
        const run = await cli(
          'import',
          LEICESTERSHIRE,
          '--council',
          'leicestershire',
          '--dry-run',
          '--json',
          ...options,
        );
        expect(run.code).toBe(0);
        return (JSON.parse(run.stdout) as PreviewJson).actions[0]?.due.dates;
      };

      expect(await firstDue()).toEqual(['2024-01-01', '2024-06-30']);
      expect((await settings('financial')).status).toBe(200);
      try {
        expect(await firstDue()).toEqual(['2024-04-01', '2024-09-30']);
        // The option, when given, still wins.
        expect(await firstDue('--quarter-convention', 'calendar')).toEqual(['2024-01-01', '2024-06-30']);

        const run = await cli('import', LEICESTERSHIRE, '--council', 'leicestershire', '--json');
        expect(run.code).toBe(0);
        const added = (await eventsOf('leicestershire')).filter((event) => event.type === 'ActionAdded');
        expect(added).toHaveLength(33);
        expect(added[0]?.data['due']).toMatchObject({ text: 'Q1 2024 - Q2 2024', dates: ['2024-04-01', '2024-09-30'] });
      } finally {
        expect((await settings('calendar')).status).toBe(200);
      }
    },
    CLI_TIMEOUT_MS,
  );

  it.each([
    ['a missing file', () => Promise.resolve(path.join(scratch, 'missing.txt')), /^There is no file .*missing\.txt$/],
    ['an empty file', () => Promise.resolve(written('empty.txt', '')), /^empty\.txt is empty\.$/],
    ['a broken PDF', () => Promise.resolve(written('plan.pdf', '%PDF-1.7\n')), /^plan\.pdf: The PDF cannot be read/],
    ['a zip bomb', async () => written('plan.docx', await zipBomb()), /^plan\.docx: .*inflates more than 200 times/],
    [
      'text with no plan table',
      () => Promise.resolve(written('notes.txt', 'Minutes\nNothing was agreed.\n')),
      /^notes\.txt: No action plan table found/,
    ],
  ])(
    'refuses %s in one line on stderr, with exit code 1, recording nothing',
    async (_, file, message) => {
      const run = await cli('import', await file(), '--council', 'charnwood');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toEqual([expect.stringMatching(message)]);
      expect(await eventsOf('charnwood')).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'refuses an unknown council and a bad quarter convention in one line',
    async () => {
      const unknown = await cli('import', CHARNWOOD_2024, '--council', 'atlantis', '--dry-run', '--json');
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(lines(unknown.stderr)).toEqual([
        'There is no council "atlantis" (registered councils: charnwood, leicestershire)',
      ]);
      const convention = await cli('import', CHARNWOOD_2024, '--council', 'charnwood', '--quarter-convention', 'lunar');
      expect(convention.code).toBe(1);
      expect(lines(convention.stderr)).toEqual(['--quarter-convention must be calendar or financial, not "lunar"']);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'refuses a title holding a control character in one line, recording nothing (argv cannot carry NUL or half a pair)',
    async () => {
      const before = await eventsOf('charnwood');
      const bell = await cli('import', CHARNWOOD_2024, '--council', 'charnwood', '--plan-title', 'Plan\u0007 title');
      expect(bell.code).toBe(1);
      expect(bell.stdout).toBe('');
      expect(lines(bell.stderr)).toEqual([
        '--plan-title must not contain control characters such as NUL: remove the U+0007 (BEL) at character 5',
      ]);
      expect(await eventsOf('charnwood')).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "refuses a plan editor's --publish in one line, with exit code 1, recording nothing, and an unknown role",
    async () => {
      const published = await cli('import', CHARNWOOD_2024, '--council', 'charnwood', '--publish');
      expect(published.code).toBe(1);
      expect(published.stdout).toBe('');
      expect(lines(published.stderr)).toEqual([
        'Only council administrators may import a plan published: you may import it as a draft or submitted for approval. Nothing was recorded (--as council-admin imports as its administrator).',
      ]);
      expect(await eventsOf('charnwood')).toEqual([]);
      const viewer = await cli('import', CHARNWOOD_2024, '--council', 'charnwood', '--as', 'viewer');
      expect(viewer.code).toBe(1);
      expect(lines(viewer.stderr)).toEqual(['--as must be plan-editor or council-admin, not "viewer"']);
    },
    2 * CLI_TIMEOUT_MS,
  );

  it(
    "submits a plan editor's import for approval with --submit, the strategy left a draft",
    async () => {
      const run = await cli('import', LEICESTERSHIRE, '--council', 'leicestershire', '--submit');
      expect(run.code).toBe(0);
      expect(lines(run.stdout)[1]).toMatch(
        /^ {2}strategy [0-9a-f-]{36} ".+", \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(draft\)$/,
      );
      expect(lines(run.stdout)[2]).toMatch(
        /^ {2}plan [0-9a-f-]{36} ".+", \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(submitted\)$/,
      );
      const events = await eventsOf('leicestershire');
      expect(events.filter((event) => event.type === 'ActionPlanSubmitted')).toHaveLength(1);
      expect(events.filter((event) => event.type === 'ActionPlanApproved')).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'commits without --dry-run (source import, the document in the metadata) and prints what it created',
    async () => {
      const run = await cli('import', CHARNWOOD_2016, '--council', 'charnwood', '--close', '--as', 'council-admin');
      expect(run.code).toBe(0);
      expect(lines(run.stdout)).toEqual([
        expect.stringMatching(
          /^Imported charnwood-equality-action-plan-2016-2018\.txt into charnwood \(source import, SHA-256 [0-9a-f]{64}\):$/,
        ),
        expect.stringMatching(
          /^ {2}strategy [0-9a-f-]{36} "Equality Strategy 2016-2020", 2016-04-01 to 2020-03-31 \(published\)$/,
        ),
        expect.stringMatching(
          /^ {2}plan [0-9a-f-]{36} "Charnwood Borough Council Equality Strategy Action Plan 2016-2018", 2016-04-01 to 2018-03-31 \(closed\)$/,
        ),
        '  6 objectives, 31 actions, 2 due revisions, 31 progress entries',
      ]);
      const events = await eventsOf('charnwood');
      expect(events.filter((event) => event.type === 'ActionAdded')).toHaveLength(31);
      expect(
        events.every(
          (event) =>
            event.metadata.source === 'import' &&
            event.metadata.extra?.['documentName'] === path.basename(CHARNWOOD_2016),
        ),
      ).toBe(true);
      const listed = await waitFor(
        () => plans('charnwood', 'charnwood.viewer'),
        (body) => body.plans.length === 1,
      );
      expect(listed.plans).toEqual([expect.objectContaining({ status: 'closed', actions: 31 })]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "demo:reset wipes the demo councils' plans and imports the demo plans again",
    async () => {
      const before = await plans('charnwood', 'charnwood.viewer');
      const run = await cli('demo:reset');
      expect(run.code).toBe(0);
      expect(lines(run.stdout)).toEqual([
        expect.stringMatching(/^Wiped charnwood, leicestershire: \d+ events deleted\.$/),
        `Imported charnwood's "Charnwood Borough Council Equality Strategy Action Plan 2016-2018" (closed): 6 objectives, 31 actions, 31 progress entries.`,
        `Imported charnwood's "Equality Strategy Action Plan 2024 – 2026" (published): 4 objectives, 23 actions, 4 progress entries.`,
        `Imported leicestershire's "Equality, Diversity and Inclusion Action Plan 2024-2028" (published): 8 objectives, 33 actions, 0 progress entries.`,
      ]);
      const charnwood = await waitFor(
        () => plans('charnwood', 'charnwood.viewer'),
        (body) => body.plans.length === 2 && !body.plans.some((plan) => plan.id === before.plans[0]?.id),
      );
      expect(charnwood.plans.map((plan) => [plan.status, plan.actions]).sort()).toEqual([
        ['closed', 31],
        ['published', 23],
      ]);
      const leicestershire = await waitFor(
        () => plans('leicestershire', 'leicestershire.admin'),
        (body) => body.plans.length === 1,
      );
      expect(leicestershire.plans).toEqual([expect.objectContaining({ status: 'published', actions: 33 })]);
    },
    CLI_TIMEOUT_MS,
  );

  function written(name: string, content: string | Buffer): string {
    const file = path.join(scratch, name);
    writeFileSync(file, content);
    return file;
  }
});

/** Reads until the answer satisfies `done` (the read models follow the events). */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 100 && !done(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** A Word document whose one part inflates 2 MiB of zeros from about two kilobytes. */
async function zipBomb(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', new Uint8Array(2 * 1024 * 1024));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
