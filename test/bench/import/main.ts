// `npm run bench -- import [--actions N] [--runs N]`
//
// One import commit of a large plan, end to end through the real plans commands and the one write
// path: a 200-action plan (the 2016-2018 Charnwood plan's actions repeated, with their dues, due
// revisions and progress), committed closed by a council administrator, in a fresh database.
// Every run commits into a council of its own. Prints a table, then as the very last line of
// stdout one JSON object. Diagnostics go to stderr.
import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, START, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { parsePlanDocument } from '@due-regard/plan-import';
import { ImportCommitter, importDefaultsFor, PlanImportCoreModule } from '@due-regard/plan-import-app';
import { loadConfig, PlatformModule } from '@due-regard/platform';
import { testEnvironment } from '@due-regard/testing';
import { DEMO_DOCUMENTS, demoDocument } from '../../../libs/plan-import-app/src/testing/demo-documents.js';
import { largePreview } from '../../../libs/plan-import-app/src/testing/large-preview.js';
import { createDatabase, dropAllDatabases, dropDatabasesOnSignal } from '../shared/databases.js';

@Global()
@Module({ providers: [RequestContext], exports: [RequestContext] })
class BenchRequestContextModule {}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`bench import: ${name} needs a whole number from 1\n`);
    process.exit(2);
  }
  return value;
}

async function countEvents(store: EventStore, tenantId: string): Promise<number> {
  let counted = 0;
  let after = START;
  for (;;) {
    const batch = await store.readAll({ after, batchSize: 1000, tenantId });
    counted += batch.events.length;
    after = batch.position;
    if (batch.caughtUp) return counted;
  }
}

async function main(): Promise<void> {
  const actions = option('--actions', 200);
  const runs = option('--runs', 5);
  dropDatabasesOnSignal();
  const database = await createDatabase('import');
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(loadConfig(testEnvironment(database.url))),
      BenchRequestContextModule,
      PlanImportCoreModule,
    ],
  }).compile();
  await moduleRef.init();
  try {
    const committer = moduleRef.get(ImportCommitter);
    const store = moduleRef.get<EventStore>(EVENT_STORE);
    const name = DEMO_DOCUMENTS.charnwood2016;
    const document = demoDocument(name);
    const preview = await parsePlanDocument(document);
    const large = largePreview(preview, actions);
    const defaults = await importDefaultsFor(document, preview, '2026-12-07');
    const seconds: number[] = [];
    let events = 0;
    for (let run = 0; run <= runs; run += 1) {
      const council = `bench-import-${run}`;
      const started = performance.now();
      const result = await committer.commit(large, {
        council,
        document: { name, sha256: preview.source.sha256 },
        defaults,
        lifecycle: 'closed',
        principal: {
          subject: `bench-admin-${run}`,
          username: 'bench.admin',
          displayName: 'Bench administrator',
          clientId: 'due-regard-cli',
          groups: [`/councils/${council}/council-admin`],
          realmRoles: [],
        },
      });
      const elapsed = (performance.now() - started) / 1000;
      events = await countEvents(store, council);
      if (result.actions !== actions) throw new Error(`committed ${result.actions} actions, not ${actions}`);
      // The first run warms the code paths and the database's caches up; it is not counted.
      if (run > 0) seconds.push(elapsed);
      process.stderr.write(`bench import: run ${run} ${elapsed.toFixed(3)} s${run === 0 ? ' (warm-up)' : ''}\n`);
    }
    seconds.sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)] ?? 0;
    process.stdout.write(
      `\nimport benchmark: a ${actions}-action plan committed closed, ${runs} runs after a warm-up, ${events} events each, in one append\n` +
        `  median ${median.toFixed(3)} s, fastest ${(seconds[0] ?? 0).toFixed(3)} s, slowest ${(seconds.at(-1) ?? 0).toFixed(3)} s\n\n` +
        `${JSON.stringify({ import_actions: actions, import_events: events, import_commit_s: Number(median.toFixed(3)), import_commit_fastest_s: Number((seconds[0] ?? 0).toFixed(3)) })}\n`,
    );
  } finally {
    await moduleRef.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(
      `bench import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await dropAllDatabases();
    process.exit(1);
  },
);
