// `npm run bench -- import [--actions N] [--runs N]`
//
// First the preview: each fixture plan (the three real ones and the nine varied layouts) and a
// generated 300-action plan (as text and as a PDF) read into a preview, median of --runs after a
// warm-up, in milliseconds.
//
// Then
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
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlanDocument, type PlanDocumentInput } from '@due-regard/plan-import';
import { ImportCommitter, importDefaultsFor, PlanImportCoreModule } from '@due-regard/plan-import-app';
import { loadConfig, PlatformModule } from '@due-regard/platform';
import { testEnvironment } from '@due-regard/testing';
import { DEMO_DOCUMENTS, demoDocument } from '../../../libs/plan-import-app/src/testing/demo-documents.js';
import { largePreview } from '../../../libs/plan-import-app/src/testing/large-preview.js';
import { pdfFromText, repoRoot } from '../../../libs/plan-import/src/testing/documents.js';
import { wholeNumberOption } from '../shared/options.js';
import { createDatabase, dropAllDatabases, dropDatabasesOnSignal } from '../shared/databases.js';
import { formatTable } from '../shared/table.js';

const FIXTURE_FOLDERS = ['infra/demo/plans', 'libs/plan-import/src/testing/plans-varied'];

/** A plan as a council writes one: priorities, labelled objectives, actions with wrapped text. */
function generatedPlan(actions: number): string {
  const lines = [
    'Generated District Council',
    'Equality Action Plan 2025/26',
    '',
    'Ref\tAction\tLead\tDue\tSuccess measure',
  ];
  for (let index = 0; index < actions; index += 1) {
    if (index % 50 === 0) lines.push(`Priority ${index / 50 + 1}: Theme number ${index / 50 + 1}\t\t\t\t`);
    if (index % 10 === 0) lines.push(`Objective ${index / 10 + 1} – Objective number ${index / 10 + 1}`);
    const objective = Math.floor(index / 10) + 1;
    lines.push(
      `${objective}.${(index % 10) + 1}\tCarry out piece of work number ${index + 1} with the communities who share protected characteristics\t` +
        `Policy Officer / Team ${index % 7}\t${['Q2 2025/26', 'Mar-26', '31/12/2025', 'Ongoing', 'Every six months'][index % 5]}\tMeasure ${index + 1}; report to Cabinet`,
    );
    if (index % 4 === 0) lines.push('\tand with the voluntary sector.\t\t\t');
  }
  return lines.join('\n');
}

async function timePreview(input: PlanDocumentInput, runs: number): Promise<{ ms: number; actions: number }> {
  const times: number[] = [];
  let actions = 0;
  for (let run = 0; run <= runs; run += 1) {
    const started = performance.now();
    const preview = await parsePlanDocument(input);
    if (run > 0) times.push(performance.now() - started);
    actions = preview.actions.length;
  }
  times.sort((a, b) => a - b);
  return { ms: Number((times[Math.floor(times.length / 2)] ?? 0).toFixed(1)), actions };
}

async function previewTimes(runs: number): Promise<Record<string, number>> {
  const inputs: { name: string; input: PlanDocumentInput }[] = [];
  for (const folder of FIXTURE_FOLDERS) {
    const directory = path.join(repoRoot(), folder);
    for (const name of readdirSync(directory)
      .filter((file) => /\.(?:txt|csv)$/.test(file))
      .sort()) {
      inputs.push({ name, input: { fileName: name, bytes: readFileSync(path.join(directory, name)) } });
    }
  }
  const generated = generatedPlan(300);
  inputs.push({
    name: 'generated-300-actions.txt',
    input: { fileName: 'generated.txt', bytes: new TextEncoder().encode(generated) },
  });
  inputs.push({
    name: 'generated-300-actions.pdf',
    input: { fileName: 'generated.pdf', bytes: await pdfFromText(generated) },
  });
  const results: Record<string, number> = {};
  const rows: string[][] = [];
  for (const { name, input } of inputs) {
    const { ms, actions } = await timePreview(input, runs);
    results[name] = ms;
    rows.push([name, String(actions), ms.toFixed(1)]);
    process.stderr.write(`bench import: preview ${name} ${ms.toFixed(1)} ms\n`);
  }
  process.stdout.write(
    `\nimport preview: median of ${runs} runs after a warm-up\n${formatTable(['document', 'actions', 'ms'], rows)}\n`,
  );
  return results;
}

@Global()
@Module({ providers: [RequestContext], exports: [RequestContext] })
class BenchRequestContextModule {}

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
  const actions = wholeNumberOption('import', '--actions', 200);
  const runs = wholeNumberOption('import', '--runs', 5);
  const previewMs = await previewTimes(runs);
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
        `${JSON.stringify({
          import_actions: actions,
          import_events: events,
          import_commit_s: Number(median.toFixed(3)),
          import_commit_fastest_s: Number((seconds[0] ?? 0).toFixed(3)),
          import_preview_300_actions_ms: previewMs['generated-300-actions.txt'],
          import_preview_300_actions_pdf_ms: previewMs['generated-300-actions.pdf'],
          import_preview_ms: previewMs,
        })}\n`,
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
