import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../shared/databases.js';
import type { EmmettJob } from './emmett-child.js';
import type { PartResult } from './ours.js';
import type { Workload } from './workload.js';

const CHILD_TIMEOUT_MS = 15 * 60_000;

function log(message: string): void {
  process.stderr.write(`bench[emmett] ${message}\n`);
}

function isPartResult(value: unknown): value is PartResult {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['events'] === 'number' && typeof record['seconds'] === 'number';
}

export interface EmmettChild {
  /** Part 3: Emmett's PostgreSQL event store, in its own fresh database. */
  run(workload: Workload, adminUrl: string): Promise<PartResult>;
  /** Stops the child if it has not run. */
  kill(): void;
}

/**
 * Starts the child process for part 3 at once, so that it has loaded its modules before a
 * concurrent `npm run build` can empty dist/; it waits for its job on stdin. It runs apart because
 * Emmett swaps pg's global type parsers.
 */
export function startEmmettChild(): EmmettChild {
  const childPath = fileURLToPath(new URL('./emmett-child.js', import.meta.url));
  const child = spawn(process.execPath, ['--enable-source-maps', childPath], { stdio: ['pipe', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve(signal ? null : exitCode));
  });
  // Until run() awaits it, a failed start is reported there, not as an unhandled rejection.
  exited.catch(() => undefined);

  return {
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
    run: async (workload, adminUrl) => {
      const database = await createDatabase('es_emmett');
      log(`database ${database.name}`);
      const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
      try {
        const job: EmmettJob = {
          connectionString: database.url,
          adminUrl,
          database: database.name,
          shape: workload.shape,
        };
        child.stdin.end(`${JSON.stringify(job)}\n`);
        const code = await exited;
        if (code !== 0)
          throw new Error(`the Emmett child process ${code === null ? 'was killed' : `exited with ${code}`}`);
        const last = stdout.trim().split('\n').at(-1) ?? '';
        const parsed: unknown = JSON.parse(last);
        if (!isPartResult(parsed)) throw new Error(`the Emmett child process reported ${last}`);
        return parsed;
      } finally {
        clearTimeout(timer);
        await database.drop();
      }
    },
  };
}
