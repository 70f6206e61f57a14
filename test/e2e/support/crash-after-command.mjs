// Runs the built standalone app, killed with SIGKILL the moment a command sent with an
// Idempotency-Key has been recorded and before its answer is kept or sent: the crash between
// "durable" and "answered" that idempotency must survive. The app is the real one; only the
// idempotency store's `complete` (called after the command, before the answer) is wrapped, in this
// process alone.
//
//   node test/e2e/support/crash-after-command.mjs <built output directory>
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir] = process.argv.slice(2);
if (outDir === undefined) {
  console.error('usage: crash-after-command.mjs <built output directory>');
  process.exit(2);
}
const built = (relative) => pathToFileURL(path.resolve(outDir, relative)).href;

const { IdempotencyStore } = await import(built('libs/commands/src/index.js'));
IdempotencyStore.prototype.complete = function dieBeforeAnswering() {
  process.kill(process.pid, 'SIGKILL');
  return new Promise(() => undefined);
};
await import(built('apps/standalone/src/main.js'));
