import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Where the time of a timed run went, per append (null where this machine cannot tell). */
export interface ResourceUsage {
  /** Client round trips (pg `Client#query` calls) per append. */
  readonly roundTripsPerAppend: number | null;
  /** Transaction ids assigned cluster-wide per append: write transactions (and so commits). */
  readonly xactsPerAppend: number | null;
  /** WAL written cluster-wide per append, bytes. */
  readonly walBytesPerAppend: number | null;
  /** CPU of this Node process per append. */
  readonly nodeCpuMicrosPerAppend: number;
  /** CPU of the PostgreSQL backends serving the benchmark's database, per append. */
  readonly pgCpuMicrosPerAppend: number | null;
  /** All CPUs of the machine: busy share of the run (100 = every core busy all the time). */
  readonly machineBusyPercent: number | null;
  /** CPU of the whole machine per append: Node, PostgreSQL's backends and helpers, and anything else running. */
  readonly machineCpuMicrosPerAppend: number | null;
}

const ticksPerSecond = ((): number => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const value = Number.parseInt(out.stdout ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : 100;
})();

function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces: state is
    // field 3 of proc(5), utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [, user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
    return { busy, total: busy + (idle ?? 0) + (iowait ?? 0) };
  } catch {
    return null;
  }
}

let queryCalls = 0;
let counting = false;

/** Counts pg `Client#query` calls of this process (pools call it too): one round trip each. */
export function countRoundTrips(): void {
  if (counting) return;
  counting = true;
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function countedQuery(this: unknown, ...args: unknown[]): unknown {
    queryCalls += 1;
    return Reflect.apply(original, this, args);
  };
}

interface Sample {
  readonly queryCalls: number;
  readonly nodeCpuMicros: number;
  readonly backends: ReadonlyMap<number, number | null>;
  readonly xmax: bigint;
  readonly walLsn: string;
  readonly machine: { busy: number; total: number } | null;
}

/**
 * Samples the resources a timed run used. Its own connection goes to another database, so its
 * backend is never counted, and it takes its samples outside the timed window.
 */
export class ResourceProbe {
  private start: Sample | null = null;

  private constructor(
    private readonly client: pg.Client,
    private readonly database: string,
  ) {}

  static async open(adminUrl: string, database: string): Promise<ResourceProbe> {
    const client = new pg.Client({ connectionString: adminUrl, application_name: 'bench-probe' });
    await client.connect();
    return new ResourceProbe(client, database);
  }

  private async sample(): Promise<Sample> {
    const { rows } = await this.client.query<{ xmax: string; lsn: string; pids: string | null }>(
      `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax, pg_current_wal_lsn()::text AS lsn,
              (SELECT string_agg(pid::text, ',') FROM pg_stat_activity WHERE datname = $1) AS pids`,
      [this.database],
    );
    const row = rows[0];
    const pids = (row?.pids ?? '').split(',').filter(Boolean).map(Number);
    const usage = process.cpuUsage();
    return {
      // The probe's own query is not part of the run.
      queryCalls: queryCalls - 1,
      nodeCpuMicros: usage.user + usage.system,
      backends: new Map(pids.map((pid) => [pid, processTicks(pid)])),
      xmax: BigInt(row?.xmax ?? '0'),
      walLsn: row?.lsn ?? '0/0',
      machine: machineTicks(),
    };
  }

  async begin(): Promise<void> {
    this.start = await this.sample();
  }

  /** Usage since `begin()`, divided over `appends`. */
  async end(appends: number): Promise<ResourceUsage> {
    const endCalls = queryCalls;
    const end = await this.sample();
    const start = this.start;
    if (!start) throw new Error('ResourceProbe.end() without begin()');
    const wal = await this.client.query<{ bytes: string }>(
      'SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::text AS bytes',
      [end.walLsn, start.walLsn],
    );
    let backendTicks: number | null = 0;
    for (const [pid, ticks] of end.backends) {
      if (ticks === null) {
        backendTicks = null;
        break;
      }
      // A backend that started during the run counts in full.
      backendTicks += ticks - (start.backends.get(pid) ?? 0);
    }
    const machineOk = start.machine !== null && end.machine !== null && end.machine.total > start.machine.total;
    const busyTicks = machineOk && start.machine && end.machine ? end.machine.busy - start.machine.busy : null;
    const totalTicks = machineOk && start.machine && end.machine ? end.machine.total - start.machine.total : null;
    return {
      roundTripsPerAppend: counting ? (endCalls - start.queryCalls - 1) / appends : null,
      xactsPerAppend: Number(end.xmax - start.xmax) / appends,
      walBytesPerAppend: Number(wal.rows[0]?.bytes ?? Number.NaN) / appends,
      nodeCpuMicrosPerAppend: (end.nodeCpuMicros - start.nodeCpuMicros) / appends,
      pgCpuMicrosPerAppend: backendTicks === null ? null : (backendTicks * 1e6) / ticksPerSecond / appends,
      machineBusyPercent: busyTicks !== null && totalTicks ? (100 * busyTicks) / totalTicks : null,
      machineCpuMicrosPerAppend: busyTicks === null ? null : (busyTicks * 1e6) / ticksPerSecond / appends,
    };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
