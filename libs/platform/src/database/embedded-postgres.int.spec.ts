import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../testing/free-port.js';
import { assertOthersCanReach, EmbeddedPostgresServer, postgresProgramsDirectory } from './embedded-postgres.js';

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'dr-embedded-pg-'));
    // As root the server runs as the postgres user, which must be able to enter the directory.
    await chmod(root, 0o755);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('says which directory the postgres user cannot enter, before initdb fails on it, when run as root', async () => {
    const closed = path.join(root, 'closed');
    await mkdir(closed, { mode: 0o700 });
    await chmod(closed, 0o700);
    const options = { dataDir: path.join(closed, 'data'), port: await freePort(), database: 'due_regard' };
    if (userInfo().uid === 0) {
      await expect(EmbeddedPostgresServer.start(options)).rejects.toThrow(
        `Embedded PostgreSQL runs as the postgres user, which cannot enter ${closed}: run \`chmod o+x ${closed}\``,
      );
    } else {
      // Not root: the server runs as this user, who owns the directory.
      const server = await EmbeddedPostgresServer.start(options);
      await server.stop();
    }
  });

  it('finds its programs, in a directory the postgres user can enter from here, or says so at once', async () => {
    const programs = await postgresProgramsDirectory();
    await expect(readFile(path.join(programs, 'initdb'))).resolves.toBeInstanceOf(Buffer);
    // The check start() makes as root, before initdb: a checkout under a closed directory (/root,
    // mktemp -d) is named with its fix, instead of initdb failing on EACCES after a long timeout.
    await expect(assertOthersCanReach(programs, 'or keep the checkout where other users can enter')).resolves.toBe(
      undefined,
    );
    const closed = path.join(root, 'closed-checkout');
    await mkdir(path.join(closed, 'node_modules'), { recursive: true });
    await chmod(closed, 0o700);
    await expect(
      assertOthersCanReach(path.join(closed, 'node_modules'), 'or keep the checkout where other users can enter'),
    ).rejects.toThrow(
      `Embedded PostgreSQL runs as the postgres user, which cannot enter ${closed}: run \`chmod o+x ${closed}\`, or keep the checkout where other users can enter`,
    );
  });

  it('initialises an empty directory, serves the database, and keeps the data across a restart', async () => {
    const options = { dataDir: path.join(root, 'data'), port: await freePort(), database: 'due_regard' };

    const first = await EmbeddedPostgresServer.start(options);
    try {
      expect(new URL(first.connectionString).pathname).toBe('/due_regard');
      const [row] = await query<{ db: string; answer: number }>(
        first.connectionString,
        'SELECT current_database() AS db, 41 + 1 AS answer',
      );
      expect(row).toEqual({ db: 'due_regard', answer: 42 });
      await query(first.connectionString, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    } finally {
      await first.stop();
    }
    await expect(readFile(path.join(options.dataDir, 'postmaster.pid'))).rejects.toThrow();

    const second = await EmbeddedPostgresServer.start(options);
    try {
      expect(second.connectionString).toBe(first.connectionString);
      expect(await query(second.connectionString, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a directory that holds something else', async () => {
    const dataDir = path.join(root, 'not-postgres');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'notes.txt'), 'mine');
    await expect(
      EmbeddedPostgresServer.start({ dataDir, port: await freePort(), database: 'due_regard' }),
    ).rejects.toThrow(/is neither empty nor a PostgreSQL data directory/);
  });
});
