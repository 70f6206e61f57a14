import { createServer } from 'node:net';

/**
 * A whole-number option from 1 (`--runs 5`) on a benchmark's command line, or its default; anything
 * else ends the benchmark with one line naming it.
 */
export function wholeNumberOption(benchmark: string, name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`bench ${benchmark}: ${name} needs a whole number from 1\n`);
    process.exit(2);
  }
  return value;
}

/** A TCP port nothing listens on now, for an app the benchmark starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
