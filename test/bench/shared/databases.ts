import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where benchmarks find PostgreSQL: only the server and credentials are used, never its data. */
export function serverUrl(): string {
  return (
    process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

/** The same server, another database. */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** `force`: terminate its connections at once instead of waiting for them to close. */
  drop(force?: boolean): Promise<void>;
}

const OBJECT_IN_USE = '55006';
const live = new Map<string, BenchDatabase>();
const creating = new Set<Promise<unknown>>();
let stopping = false;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl(), application_name: 'bench-admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A freshly created database with a unique name; dropped by `drop()` or `dropAllDatabases()`. */
export async function createDatabase(label: string): Promise<BenchDatabase> {
  if (stopping) throw new Error('stopping: no new benchmark databases');
  const name = `bench_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database: BenchDatabase = {
    name,
    url: databaseUrl(serverUrl(), name),
    drop: async (force = false) => {
      if (!live.delete(name)) return;
      await withAdmin(async (client) => {
        // pg's Pool#end() resolves before its connections are gone: give them a moment to leave,
        // since terminating an idle pooled connection makes pg emit 'error' on its pool.
        for (let attempt = 0; !force && attempt < 30; attempt += 1) {
          try {
            await client.query(`DROP DATABASE IF EXISTS "${name}"`);
            return;
          } catch (error) {
            if ((error as { code?: unknown }).code !== OBJECT_IN_USE) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
  // Registered before it exists, so that a stop during CREATE DATABASE still drops it.
  live.set(name, database);
  const created = withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  creating.add(created);
  try {
    await created;
  } catch (error) {
    live.delete(name);
    throw error;
  } finally {
    creating.delete(created);
  }
  if (stopping) {
    await database.drop(true);
    throw new Error('stopping: no new benchmark databases');
  }
  return database;
}

/** Drops every database this process created and has not dropped yet; reports, never throws. */
export async function dropAllDatabases(force = false): Promise<void> {
  await Promise.allSettled([...creating]);
  for (const database of [...live.values()]) {
    try {
      await database.drop(force);
    } catch (error) {
      process.stderr.write(`bench: could not drop database ${database.name}: ${String(error)}\n`);
    }
  }
}

/** On Ctrl-C or SIGTERM: drop what we created, then leave (child processes get the signal too). */
export function dropDatabasesOnSignal(): void {
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`bench: ${signal}, dropping benchmark databases\n`);
    void dropAllDatabases(true).finally(() => process.exit(130));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
