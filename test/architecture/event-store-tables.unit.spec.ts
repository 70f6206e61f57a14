// Proves that the event store's tables are the event-store library's own: every other library and
// app reads and writes events through the EventStore port, so that either adapter (PostgreSQL or
// KurrentDB) can stand behind it, and the read side sees events only as the port gives them.
//
// What counts as a reference to the tables: a name qualified by their schema (`event_store.events`,
// `event_store.subscription_checkpoints`, …), the schema's name quoted on its own (`'event_store'`,
// as a constant holding it would), and a constant named EVENT_STORE_SCHEMA.
// Where it is looked for: every code and SQL file of libs/ and apps/, tests included, outside
// libs/event-store. test/ is not looked at: test/bench measures the tables themselves (statistics
// after a bulk load), and the suites there observe the whole app from outside.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const SEARCHED_FOLDERS = ['libs', 'apps'];
const OWNER = 'libs/event-store/';
const IGNORED_FOLDERS = new Set(['node_modules', 'dist', 'coverage']);
const SEARCHED_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.sql']);

/** Files allowed to refer to the tables, each with the reason; an entry that no longer refers fails. */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  [
    'libs/plan-import-app/src/demo/demo-reset.ts',
    "deletes the demo councils' events (development only, PostgreSQL only): no port operation deletes events, by design",
  ],
]);

const REFERENCES: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a table of the event store', pattern: /\bevent_store\.[A-Za-z_]/g },
  { what: "the event store's schema", pattern: /(['"`])event_store\1/g },
  { what: 'EVENT_STORE_SCHEMA', pattern: /\bEVENT_STORE_SCHEMA\b/g },
];

interface Reference {
  readonly line: number;
  readonly what: string;
}

function referencesIn(text: string): Reference[] {
  const found: Reference[] = [];
  for (const { what, pattern } of REFERENCES) {
    for (const match of text.matchAll(pattern)) {
      found.push({ line: text.slice(0, match.index).split('\n').length, what });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

async function searchedFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(repoRoot, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_FOLDERS.has(entry.name) && `${path}/` !== OWNER) files.push(...(await searchedFiles(path)));
    } else if (entry.isFile() && SEARCHED_EXTENSIONS.has(extname(entry.name))) {
      files.push(relative(repoRoot, join(repoRoot, path)));
    }
  }
  return files;
}

describe("only the event-store library refers to the event store's tables", () => {
  it.each([
    [
      'a query of the events table',
      "const sql = 'SELECT count(*) FROM event_store.events';",
      'a table of the event store',
    ],
    [
      'a checkpoint read with the schema interpolated as a literal',
      '`SELECT commit_position FROM event_store.subscription_checkpoints`',
      'a table of the event store',
    ],
    ['a constant holding the schema', "const SCHEMA = 'event_store';", "the event store's schema"],
    ['the old constant, imported', "import { EVENT_STORE_SCHEMA } from './event-log.js';", 'EVENT_STORE_SCHEMA'],
  ])('finds %s', (_case, line, what) => {
    expect(referencesIn(`// first line\n${line}\n`)).toEqual([{ line: 2, what }]);
  });

  it.each([
    ['the port and its token', "import { EVENT_STORE, type EventStore } from '@due-regard/event-store';"],
    ['a test database named after the module', "await createTestDatabase('dr_platform_event_store');"],
    ['the configuration of the backend', 'if (config.eventStore.backend.kind === "postgres") return;'],
  ])('leaves alone %s', (_case, line) => {
    expect(referencesIn(line)).toEqual([]);
  });

  it('holds for every file of libs/ and apps/ outside libs/event-store, but the exceptions', async () => {
    const files = (await Promise.all(SEARCHED_FOLDERS.map((folder) => searchedFiles(folder)))).flat();
    expect(files).toContain('libs/plans/src/read-models/projection/plans-projection.ts');
    expect(files.some((file) => file.startsWith(OWNER))).toBe(false);

    const referring = new Map<string, Reference[]>();
    for (const file of files) {
      const found = referencesIn(await readFile(join(repoRoot, file), 'utf8'));
      if (found.length > 0) referring.set(file, found);
    }
    const unexpected = [...referring].filter(([file]) => !EXCEPTIONS.has(file));
    expect(unexpected).toEqual([]);
    const stale = [...EXCEPTIONS.keys()].filter((file) => !referring.has(file));
    expect(stale).toEqual([]);
  });
});
