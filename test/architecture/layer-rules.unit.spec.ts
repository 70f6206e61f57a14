// Proves that the layer rules in eslint.config.js fire (and do not over-reach), using ESLint's
// Node API on small snippets. No I/O beyond a private temporary directory.
//
// - Import restrictions are path-based, so their snippets are linted in memory at virtual paths
//   inside the repository (type information is switched off for those: the files do not exist).
// - Import cycles need real files on both ends, so they are linted in a throw-away sandbox holding
//   byte-for-byte copies of eslint.config.js, library-graph.json and tsconfig.json (so the `@due-regard/*` alias and
//   the `.js` → `.ts` mapping are the real ones).
// The type-aware rules are proven in type-aware-rules.unit.spec.ts (a file of its own because
// typescript-eslint keeps one project service per module instance, configured by its first user).
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const repoRoot = resolve(import.meta.dirname, '..', '..');

const withoutTypeInformation: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false, project: false } } },
  tseslint.configs.disableTypeChecked,
];

interface Finding {
  readonly ruleId: string | null;
  readonly line: number;
  readonly message: string;
}

function findings(results: readonly ESLint.LintResult[]): Finding[] {
  return results.flatMap((result) =>
    result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message })),
  );
}

// Linting loads the config, parsers and (for some tests) a TypeScript program: allow for slow CI.
const slow = 60_000;

function ruleIds(found: readonly Finding[]): (string | null)[] {
  return found.map((f) => f.ruleId);
}

describe('layer rules (eslint.config.js)', () => {
  describe('import restrictions, in memory at virtual paths', () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfig: withoutTypeInformation });

    async function lint(filePath: string, code: string): Promise<Finding[]> {
      const found = findings(await eslint.lintText(code, { filePath }));
      // A parse error or an unmatched file would make every assertion below vacuous.
      expect(found.filter((f) => f.ruleId === null)).toEqual([]);
      return found;
    }

    it.each([
      ['@nestjs/common', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n"],
      ['@nestjs/cqrs (type only)', "import type { ICommand } from '@nestjs/cqrs';\nexport type C = ICommand;\n"],
      ['@mikro-orm/core', "import { MikroORM } from '@mikro-orm/core';\nexport const x = MikroORM;\n"],
      ['bullmq', "import { Queue } from 'bullmq';\nexport const x = Queue;\n"],
      ['ioredis', "import { Redis } from 'ioredis';\nexport const x = Redis;\n"],
      ['pg', "import pg from 'pg';\nexport const x = pg;\n"],
      [
        '@kurrent/kurrentdb-client',
        "import { KurrentDBClient } from '@kurrent/kurrentdb-client';\nexport const x = KurrentDBClient;\n",
      ],
      ['express', "import express from 'express';\nexport const x = express;\n"],
      ['@due-regard/platform', "import { Config } from '@due-regard/platform';\nexport const x = Config;\n"],
      ['re-export of pg', "export { Pool } from 'pg';\n"],
    ])(
      'domain code may not import %s',
      async (_name, code) => {
        const found = await lint('libs/plans/src/domain/plan.decide.ts', code);
        expect(ruleIds(found)).toEqual(['no-restricted-imports']);
      },
      slow,
    );

    it(
      'domain code may not import infrastructure dynamically either',
      async () => {
        const found = await lint(
          'libs/plans/src/domain/plan.evolve.ts',
          "export const load = async (): Promise<unknown> => import('ioredis');\n",
        );
        expect(ruleIds(found)).toEqual(['no-restricted-syntax']);
      },
      slow,
    );

    it(
      'a library whose name ends in -domain is domain code throughout',
      async () => {
        const found = await lint(
          'libs/plans-domain/src/plan.ts',
          "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
        );
        expect(ruleIds(found)).toEqual(['no-restricted-imports']);
      },
      slow,
    );

    it(
      "a context's policy (who may do what) is as pure as its domain",
      async () => {
        const found = await lint(
          'libs/plans/src/policy/plans.policy.ts',
          "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
        );
        expect(ruleIds(found)).toEqual(['no-restricted-imports']);
      },
      slow,
    );

    it(
      "a context's policy names identity's roles, and imports no other library",
      async () => {
        const roles = await lint(
          'libs/councils/src/policy/councils.policy.ts',
          "import type { CouncilRole } from '@due-regard/identity';\nexport const roles: CouncilRole[] = [];\n",
        );
        expect(roles).toEqual([]);
        const store = await lint(
          'libs/councils/src/policy/councils.policy.ts',
          "import { EVENT_STORE } from '@due-regard/event-store';\nexport const x = EVENT_STORE;\n",
        );
        expect(ruleIds(store)).toEqual(['no-restricted-imports']);
      },
      slow,
    );

    it(
      'domain code may import node built-ins, its own files and the shared kernel',
      async () => {
        const found = await lint(
          'libs/plans/src/domain/plan.ts',
          [
            "import { createHash } from 'node:crypto';",
            "import type { StoredEvent } from '@due-regard/shared-kernel';",
            "import { pgLikeName } from './pg-like-name.js';",
            'export const digest = (e: StoredEvent): string =>',
            "  createHash('sha256').update(JSON.stringify(e) + pgLikeName).digest('hex');",
            '',
          ].join('\n'),
        );
        expect(found).toEqual([]);
      },
      slow,
    );

    it(
      'code outside domain/ in a library may use NestJS and pg',
      async () => {
        const found = await lint(
          'libs/plans/src/record-progress/record-progress.handler.ts',
          "import { Injectable } from '@nestjs/common';\nimport pg from 'pg';\nexport const x = [Injectable, pg];\n",
        );
        expect(found).toEqual([]);
      },
      slow,
    );

    it.each([
      [
        'a relative path into libs/',
        "import { x } from '../../../libs/event-store/src/index.js';\nexport const y = x;\n",
      ],
      [
        'a deep path below the alias',
        "import { x } from '@due-regard/event-store/src/errors.js';\nexport const y = x;\n",
      ],
    ])(
      'apps may not reach a library through %s',
      async (_name, code) => {
        const found = await lint('apps/api/src/app.module.ts', code);
        expect(ruleIds(found)).toEqual(['no-restricted-imports']);
      },
      slow,
    );

    it(
      'apps may import a library through @due-regard/<lib> and their own files',
      async () => {
        const found = await lint(
          'apps/api/src/app.module.ts',
          "import { x } from '@due-regard/event-store';\nimport { y } from './health/health.module.js';\nexport const z = [x, y];\n",
        );
        expect(found).toEqual([]);
      },
      slow,
    );

    it.each([
      [
        'libs/event-store/src/postgres/adapter.ts',
        "import { x } from '../../../../apps/api/src/main.js';\nexport const y = x;\n",
      ],
      [
        'libs/plans/src/domain/plan.ts',
        "import { x } from '../../../../apps/worker/src/queues.js';\nexport const y = x;\n",
      ],
    ])(
      'libraries may not import from apps/ (%s)',
      async (filePath, code) => {
        const found = await lint(filePath, code);
        expect(ruleIds(found)).toEqual(['no-restricted-imports']);
      },
      slow,
    );
  });

  describe('import cycles, in a sandbox with the real config', () => {
    let sandbox = '';

    beforeAll(async () => {
      sandbox = await mkdtemp(join(tmpdir(), 'due-regard-layer-rules-'));
      await copyFile(join(repoRoot, 'eslint.config.js'), join(sandbox, 'eslint.config.js'));
      await copyFile(join(repoRoot, 'tsconfig.json'), join(sandbox, 'tsconfig.json'));
      await copyFile(join(repoRoot, 'library-graph.json'), join(sandbox, 'library-graph.json'));
      await copyFile(join(repoRoot, 'package.json'), join(sandbox, 'package.json'));
      await symlink(join(repoRoot, 'node_modules'), join(sandbox, 'node_modules'), 'dir');
    }, slow);

    afterAll(async () => {
      if (sandbox !== '') await rm(sandbox, { recursive: true, force: true });
    });

    async function writeFiles(files: Record<string, string>): Promise<void> {
      for (const [path, code] of Object.entries(files)) {
        await mkdir(dirname(join(sandbox, path)), { recursive: true });
        await writeFile(join(sandbox, path), code);
      }
    }

    async function lintFile(path: string): Promise<Finding[]> {
      const eslint = new ESLint({ cwd: sandbox });
      const found = findings(await eslint.lintFiles([path]));
      expect(found.filter((f) => f.ruleId === null)).toEqual([]);
      return found;
    }

    it(
      'reports a cycle between two files (`.js` specifiers of `.ts` files)',
      async () => {
        await writeFiles({
          'libs/cycle/src/a.ts': "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
          'libs/cycle/src/b.ts': "import { a } from './a.js';\nexport const b = (): number => a() + 1;\n",
        });
        expect(ruleIds(await lintFile('libs/cycle/src/a.ts'))).toEqual(['import-x/no-cycle']);
      },
      slow,
    );

    it(
      'reports a cycle between two libraries through the @due-regard/* alias',
      async () => {
        await writeFiles({
          'libs/left/src/index.ts': "export { left } from './left.js';\n",
          'libs/left/src/left.ts':
            "import { right } from '@due-regard/right';\nexport const left = (): string => `left of ${right()}`;\n",
          'libs/right/src/index.ts': "export { right } from './right.js';\n",
          'libs/right/src/right.ts':
            "import { left } from '@due-regard/left';\nexport const right = (): string => String(left.length);\n",
        });
        expect(ruleIds(await lintFile('libs/left/src/left.ts'))).toEqual(['import-x/no-cycle']);
      },
      slow,
    );

    it(
      'does not report an acyclic chain',
      async () => {
        await writeFiles({
          'libs/chain/src/a.ts': "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
          'libs/chain/src/b.ts': "import { c } from '@due-regard/leaf';\nexport const b = (): number => c + 1;\n",
          'libs/leaf/src/index.ts': 'export const c = 1;\n',
        });
        expect(await lintFile('libs/chain/src/a.ts')).toEqual([]);
      },
      slow,
    );

    it(
      'does not count type-only imports as a cycle',
      async () => {
        await writeFiles({
          'libs/types/src/a.ts':
            "import type { B } from './b.js';\nexport interface A { readonly b?: B }\nexport const a = 1;\n",
          'libs/types/src/b.ts': "import type { A } from './a.js';\nexport interface B { readonly a?: A }\n",
        });
        expect(await lintFile('libs/types/src/a.ts')).toEqual([]);
      },
      slow,
    );
  });

  describe('import resolution in the repository itself', () => {
    it(
      'resolves @due-regard/<lib> to libs/<lib>/src/index.ts and `./x.js` to `./x.ts`',
      async () => {
        const libs: string[] = [];
        for (const name of await readdir(join(repoRoot, 'libs'))) {
          const index = join(repoRoot, 'libs', name, 'src', 'index.ts');
          if (
            await stat(index).then(
              (s) => s.isFile(),
              () => false,
            )
          )
            libs.push(name);
        }
        expect(libs.length).toBeGreaterThan(0);

        const eslint = new ESLint({ cwd: repoRoot });
        const config: unknown = await eslint.calculateConfigForFile(join(repoRoot, 'apps', 'api', 'src', 'main.ts'));
        const resolver = resolverOf(config);
        for (const lib of libs) {
          const index = join(repoRoot, 'libs', lib, 'src', 'index.ts');
          expect(resolver.resolve(`@due-regard/${lib}`, join(repoRoot, 'apps', 'api', 'src', 'main.ts'))).toEqual({
            found: true,
            path: index,
          });
          expect(resolver.resolve('./index.js', join(repoRoot, 'libs', lib, 'src', 'probe.ts'))).toEqual({
            found: true,
            path: index,
          });
        }
      },
      slow,
    );
  });
});

interface Resolver {
  resolve(source: string, file: string): unknown;
}

function resolverOf(config: unknown): Resolver {
  if (typeof config !== 'object' || config === null || !('settings' in config)) {
    throw new Error('ESLint returned no settings for apps/api/src/main.ts');
  }
  const settings: unknown = config.settings;
  if (typeof settings !== 'object' || settings === null || !('import-x/resolver-next' in settings)) {
    throw new Error('eslint.config.js sets no import-x/resolver-next');
  }
  const resolvers: unknown = settings['import-x/resolver-next'];
  const first: unknown = Array.isArray(resolvers) ? (resolvers as unknown[])[0] : resolvers;
  if (typeof first !== 'object' || first === null || !('resolve' in first) || typeof first.resolve !== 'function') {
    throw new Error('import-x/resolver-next is not a resolver object');
  }
  const resolveFn = first.resolve as (source: string, file: string) => unknown;
  return { resolve: (source, file) => resolveFn.call(first, source, file) };
}
