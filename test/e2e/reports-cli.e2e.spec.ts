import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { generateSigningKeyPem } from '@due-regard/testing';
import { planThroughApi } from './support/plan-through-api.js';
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
const CLI_TIMEOUT_MS = 240_000;
const outDir = path.resolve('test-output', `reports-cli-${randomBytes(4).toString('hex')}`);

describe('npm run cli -- report progress', () => {
  let running: RunningApp;
  let databaseUrl: string;
  let planId: string;

  beforeAll(async () => {
    running = await startDueRegard();
    databaseUrl = running.config.database.url ?? '';
    ({ planId } = await planThroughApi(
      running.platformUrl,
      running.councilHost('charnwood'),
      await running.tokenFor('charnwood.editor'),
      ['Raise awareness of the Equality Impact Assessment process'],
    ));
    await mkdir(outDir, { recursive: true });
  }, CLI_TIMEOUT_MS);

  afterAll(async () => {
    await running?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it(
    'writes the report, records it in the council history, and refuses bad input in one line',
    async () => {
      const out = path.join(outDir, 'report.pdf');
      const made = await cli(
        databaseUrl,
        'report',
        'progress',
        '--council',
        'charnwood',
        '--plan',
        planId,
        '--format',
        'pdf',
        '--out',
        out,
      );
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      const bytes = await readFile(out);
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(made.stdout).toMatch(
        new RegExp(
          `^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ bytes, SHA-256 ${sha256}\\), report [0-9a-f]{32}\n$`,
        ),
      );
      // The API lists it, generated, with the same digest.
      const listed = await request(running.platformUrl)
        .get('/api/v1/reports')
        .set('Host', running.councilHost('charnwood'))
        .auth(await running.tokenFor('charnwood.viewer'), { type: 'bearer' });
      expect((listed.body as { reports: { status: string; sha256?: string }[] }).reports).toEqual([
        expect.objectContaining({ status: 'ready', sha256 }),
      ]);

      const refusals: [string[], string][] = [
        [['--format', 'rtf'], '--format: Choose a format: html, pdf, docx, odt, csv, xlsx or ods\n'],
        [
          ['--format', 'pdf', '--as-of', '31/03/2025'],
          '--as-of: Enter the date the report is as of as a real date, like 2025-03-31\n',
        ],
        [
          ['--format', 'pdf', '--as-of', '2020-01-01'],
          `Action plan ${planId} did not exist at 2020-01-01T23:59:59.999Z\n`,
        ],
      ];
      for (const [args, message] of refusals) {
        const refused = await cli(
          databaseUrl,
          'report',
          'progress',
          '--council',
          'charnwood',
          '--plan',
          planId,
          '--out',
          path.join(outDir, 'x'),
          ...args,
        );
        expect({ args, code: refused.code, stderr: refused.stderr }).toEqual({ args, code: 1, stderr: message });
      }
      const noCouncil = await cli(
        databaseUrl,
        'report',
        'progress',
        '--council',
        'nowhere',
        '--plan',
        planId,
        '--format',
        'pdf',
        '--out',
        out,
      );
      expect(noCouncil).toMatchObject({ code: 1, stderr: 'There is no council "nowhere"\n' });
    },
    CLI_TIMEOUT_MS,
  );
});
