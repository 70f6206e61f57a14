/** Timing of a run of concurrent writers. */
export interface WritersRun {
  readonly operations: number;
  readonly seconds: number;
  /** Latency of one operation, milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/**
 * Runs one closed-loop writer per plan, all at once: each writer does its operations one after
 * another, awaiting each. Timed with performance.now() from the first start to the last finish.
 * The first failure stops every writer and is thrown.
 */
export async function runWriters<T>(
  plans: readonly (readonly T[])[],
  operation: (task: T) => Promise<unknown>,
): Promise<WritersRun> {
  const total = plans.reduce((sum, plan) => sum + plan.length, 0);
  const latencies = new Float64Array(total);
  let next = 0;
  let failed = false;
  const writer = async (plan: readonly T[]): Promise<void> => {
    for (const task of plan) {
      if (failed) return;
      const started = performance.now();
      try {
        await operation(task);
      } catch (error) {
        failed = true;
        throw error;
      }
      latencies[next++] = performance.now() - started;
    }
  };
  const started = performance.now();
  await Promise.all(plans.map(writer));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  return { operations: total, seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}
