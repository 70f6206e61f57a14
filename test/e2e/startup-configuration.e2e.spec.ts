import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so that the compiled files find node_modules.
const outDir = path.join('test-output', `build-${process.pid}-${randomBytes(4).toString('hex')}`);

describe('starting with a bad configuration', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['infra/bin/build.mjs', '--out-dir', outDir], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  });

  afterAll(async () => {
    await rm(path.join(root, outDir), { recursive: true, force: true });
  });

  it.each(['standalone', 'api', 'worker', 'projector'])(
    'stops the %s app with exit code 1 and one line naming PORT',
    (app) => {
      const run = spawnSync(process.execPath, [path.join(outDir, 'apps', app, 'src', 'main.js')], {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, PORT: 'abc' },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        'Configuration error: PORT must be an integer from 1 to 65535 (got "abc")',
      ]);
    },
  );

  it('names every bad variable in that one line', () => {
    const run = spawnSync(process.execPath, [path.join(outDir, 'apps', 'standalone', 'src', 'main.js')], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, EVENT_STORE: 'eventstoredb', LOG_LEVEL: 'chatty' },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: .*EVENTSTORE_URL must be set when EVENT_STORE is eventstoredb/);
    expect(lines[0]).toContain(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "chatty")',
    );
  });
});
