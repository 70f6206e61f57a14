// Runs the built standalone app, killed with SIGKILL the moment a report's ReportGenerated event has
// been recorded and before the report's status says it is ready and its job completes: the crash a
// reports worker must survive without generating twice. The app is the real one; only the report
// store's `ready` (called after the event is appended) is wrapped, in this process alone.
//
//   node test/e2e/support/crash-after-report-generated.mjs <built output directory>
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir] = process.argv.slice(2);
if (outDir === undefined) {
  console.error('usage: crash-after-report-generated.mjs <built output directory>');
  process.exit(2);
}
const built = (relative) => pathToFileURL(path.resolve(outDir, relative)).href;

const { ReportStore } = await import(built('libs/reports/src/index.js'));
ReportStore.prototype.ready = function dieBeforeFinishing() {
  process.kill(process.pid, 'SIGKILL');
  return new Promise(() => undefined);
};
await import(built('apps/standalone/src/main.js'));
