import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { access, constants, mkdir } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { errorMessage, StartupError } from '../bootstrap/startup-error.js';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const HOW_TO_GET_REDIS =
  'install Redis (e.g. "apt-get install redis-server" or "brew install redis") so that redis-server is on PATH, or set REDIS_URL to a running Redis';

/**
 * Does a Redis answer at `url`? One PING over a plain socket: any Redis reply counts, even one
 * asking for a password (the real client authenticates later). Unlike a failed ioredis connect,
 * it leaves no timer behind.
 */
export async function redisAnswers(url: string, timeoutMs = 2_000): Promise<boolean> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(target.port || 6379);
  return new Promise<boolean>((resolveAnswer) => {
    const socket =
      target.protocol === 'rediss:' ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port });
    let settled = false;
    const settle = (answers: boolean): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolveAnswer(answers);
    };
    socket.setTimeout(timeoutMs, () => settle(false));
    socket.once('error', () => settle(false));
    socket.once('close', () => settle(false));
    socket.once(target.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write('PING\r\n'));
    socket.once('data', (reply: Buffer) => settle(reply.length > 0 && (reply[0] === 0x2b || reply[0] === 0x2d)));
  });
}

async function findOnPath(binary: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, binary);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export interface LocalRedisOptions {
  readonly url: string;
  readonly dataDir: string;
  readonly onLog?: (line: string) => void;
  /** How long the spawned server may take to answer. */
  readonly startTimeoutMs?: number;
}

/**
 * Redis at REDIS_URL, or, when nothing answers there and the URL is local, a `redis-server` child
 * process with the append-only file on, stopped again on shutdown.
 */
export class LocalRedisServer {
  private constructor(private readonly child: ChildProcess) {}

  /** Null when something already answers at the URL. */
  static async ensure(options: LocalRedisOptions): Promise<LocalRedisServer | null> {
    if (await redisAnswers(options.url)) return null;

    const url = new URL(options.url);
    if (!LOCAL_HOSTS.has(url.hostname)) {
      throw new StartupError(
        `Redis does not answer at ${redactedUrl(url)} (REDIS_URL): start it, or ${HOW_TO_GET_REDIS}`,
      );
    }
    const binary = await findOnPath('redis-server');
    if (binary === null) {
      throw new StartupError(
        `Redis does not answer at ${redactedUrl(url)} and redis-server is not on PATH: ${HOW_TO_GET_REDIS}`,
      );
    }

    const dataDir = resolve(options.dataDir);
    await mkdir(dataDir, { recursive: true });
    const port = url.port === '' ? '6379' : url.port;
    const args = ['--port', port, '--bind', '127.0.0.1', '--appendonly', 'yes', '--dir', dataDir];
    if (url.password !== '') args.push('--requirepass', decodeURIComponent(url.password));

    // Its own process group: a Ctrl+C in the terminal reaches us, and we stop Redis after the
    // clients that use it have closed.
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const recentLog: string[] = [];
    const onOutput = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        recentLog.push(line.trim());
        if (recentLog.length > 20) recentLog.shift();
        options.onLog?.(line);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    const killOnExit = (): void => {
      child.kill('SIGTERM');
    };
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));

    const server = new LocalRedisServer(child);
    const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        const said = recentLog.filter((line) => /#|error|fatal/i.test(line)).at(-1) ?? recentLog.at(-1) ?? 'no output';
        throw new StartupError(`redis-server on port ${port} exited at start-up: ${said}`);
      }
      if (await redisAnswers(options.url)) return server;
      if (Date.now() > deadline) {
        await server.stop();
        throw new StartupError(
          `redis-server on port ${port} did not answer within ${options.startTimeoutMs ?? 15_000} ms`,
        );
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** SIGTERM: Redis flushes its append-only file and exits. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    try {
      await exited;
    } catch (error) {
      throw new Error(`redis-server did not stop: ${errorMessage(error)}`, { cause: error });
    }
  }
}

export function redactedUrl(url: URL): string {
  const copy = new URL(url);
  if (copy.password !== '') copy.password = '***';
  return copy.toString();
}
