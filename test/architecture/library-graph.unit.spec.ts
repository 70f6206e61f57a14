// The declared library graph (library-graph.json, enforced by eslint.config.js): acyclic, complete, enforced by
// the lint rule (proven here on snippets at virtual paths), and the same table as the one
// docs/architecture.md shows. No I/O beyond reading the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import libraryGraph from '../../library-graph.json' with { type: 'json' };

const repoRoot = resolve(import.meta.dirname, '..', '..');
const { $comment: _about, ...declared } = libraryGraph;
const graph: Readonly<Record<string, readonly string[]>> = declared;

const withoutTypeInformation: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false, project: false } } },
  tseslint.configs.disableTypeChecked,
];

describe('the library graph', () => {
  it('names every library in libs/, and only those', () => {
    const libraries = readdirSync(join(repoRoot, 'libs'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(Object.keys(graph).sort()).toEqual(libraries);
    for (const allowed of Object.values(graph)) {
      for (const library of allowed) expect(libraries).toContain(library);
    }
  });

  it('has no cycle: every library comes after all it may import', () => {
    const placed: string[] = [];
    const visit = (library: string, path: readonly string[]): void => {
      if (path.includes(library)) throw new Error(`cycle: ${[...path, library].join(' → ')}`);
      if (placed.includes(library)) return;
      for (const dependency of graph[library] ?? []) visit(dependency, [...path, library]);
      placed.push(library);
    };
    for (const library of Object.keys(graph)) visit(library, []);
    expect(placed).toHaveLength(Object.keys(graph).length);
  });

  it('is the table docs/architecture.md shows', () => {
    const document = readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8');
    const rows = [...document.matchAll(/^\| `([a-z-]+)` *\|([^|]*)\|/gm)].map(
      ([, library = '', imports = '']) =>
        [library, [...imports.matchAll(/`([a-z-]+)`/g)].map(([, name = '']) => name).sort()] as const,
    );
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(Object.entries(graph).map(([library, allowed]) => [library, [...allowed].sort()])),
    );
  });

  describe('enforced by lint', () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfig: withoutTypeInformation });

    async function ruleIds(filePath: string, code: string): Promise<(string | null)[]> {
      const [result] = await eslint.lintText(code, { filePath });
      return (result?.messages ?? []).map((message) => message.ruleId);
    }

    it.each([
      ['libs/plans/src/application/x.ts', '@due-regard/councils'],
      ['libs/plans/src/application/x.ts', '@due-regard/web'],
      ['libs/event-store/src/x.ts', '@due-regard/platform'],
      ['libs/identity/src/x.ts', '@due-regard/event-store'],
      ['libs/platform/src/x.ts', '@due-regard/commands'],
      ['libs/commands/src/x.ts', '@due-regard/plans'],
      ['libs/councils/src/x.ts', '@due-regard/plan-import-app'],
      ['libs/plans/src/application/x.ts', '@due-regard/testing'],
    ])('refuses %s importing %s', async (filePath, library) => {
      expect(await ruleIds(filePath, `import { x } from '${library}';\nexport const y = x;\n`)).toEqual([
        'no-restricted-imports',
      ]);
    });

    it.each([
      ['libs/councils/src/x.ts', '@due-regard/plans'],
      ['libs/plans/src/application/x.ts', '@due-regard/commands'],
      ['libs/web/src/x.ts', '@due-regard/plan-import-app'],
      ['libs/plans/src/application/x.int.spec.ts', '@due-regard/testing'],
      ['libs/plans/src/application/testing/harness.ts', '@due-regard/testing'],
      ['apps/api/src/x.ts', '@due-regard/web'],
    ])('lets %s import %s', async (filePath, library) => {
      expect(await ruleIds(filePath, `import { x } from '${library}';\nexport const y = x;\n`)).toEqual([]);
    });

    it('keeps domain code to the shared kernel, and a policy to it and the roles', async () => {
      const importing = (library: string) => `import { x } from '${library}';\nexport const y = x;\n`;
      expect(await ruleIds('libs/plans/src/domain/x.ts', importing('@due-regard/identity'))).toEqual([
        'no-restricted-imports',
      ]);
      expect(await ruleIds('libs/plans/src/domain/x.ts', importing('@due-regard/shared-kernel'))).toEqual([]);
      expect(await ruleIds('libs/plans/src/policy/x.ts', importing('@due-regard/identity'))).toEqual([]);
      expect(await ruleIds('libs/plans/src/policy/x.ts', importing('@due-regard/event-store'))).toEqual([
        'no-restricted-imports',
      ]);
    });
  });
});
