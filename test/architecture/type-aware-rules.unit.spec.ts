// Proves that eslint.config.js lints TypeScript with type information and that the rules the
// team relies on are errors. The snippet is linted in memory at a virtual path that only this
// test admits to the project service's default project (compiler options from tsconfig.json).
//
// Kept apart from layer-rules.unit.spec.ts: typescript-eslint keeps a single project service per
// module instance, configured by whoever asks first, and Jest isolates modules per test file.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const probePath = 'test/architecture/virtual/probe.ts';
const slow = 60_000;

describe('type-aware rules (eslint.config.js)', () => {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: [
      {
        files: [probePath],
        languageOptions: {
          parserOptions: {
            projectService: { allowDefaultProject: [probePath], defaultProject: 'tsconfig.json' },
          },
        },
      },
    ],
  });

  async function lint(lines: readonly string[]): Promise<[number, string | null, string][]> {
    const [result] = await eslint.lintText([...lines, ''].join('\n'), { filePath: probePath });
    return (result?.messages ?? []).map((m) => [m.line, m.ruleId, m.message]);
  }

  it(
    'reports floating and misused promises, non-exhaustive switches and any',
    async () => {
      const found = await lint([
        "type Event = { type: 'PlanCreated' } | { type: 'PlanArchived' };", // 1
        'export function evolve(state: number, event: Event): number {', //     2
        '  switch (event.type) {', //                                            3
        "    case 'PlanCreated':", //                                            4
        '      return state + 1;', //                                            5
        '    default:', //                                                       6
        '      return state;', //                                                7
        '  }', //                                                                8
        '}', //                                                                  9
        'async function save(): Promise<void> {', //                            10
        '  await Promise.resolve();', //                                        11
        '}', //                                                                 12
        'export function fire(): void {', //                                    13
        '  save();', //                                                         14
        '}', //                                                                 15
        'export function each(items: number[]): void {', //                     16
        '  items.forEach(async () => {', //                                     17
        '    await save();', //                                                 18
        '  });', //                                                             19
        '}', //                                                                 20
        'export const loose: any = 1;', //                                      21
      ]);
      expect(found.map(([line, ruleId]) => [line, ruleId])).toEqual([
        [3, '@typescript-eslint/switch-exhaustiveness-check'],
        [14, '@typescript-eslint/no-floating-promises'],
        [17, '@typescript-eslint/no-misused-promises'],
        [21, '@typescript-eslint/no-explicit-any'],
      ]);
      expect(found.find(([, ruleId]) => ruleId === '@typescript-eslint/switch-exhaustiveness-check')?.[2]).toContain(
        'PlanArchived',
      );
    },
    slow,
  );

  it(
    'accepts idiomatic NestJS: an empty decorated module class, an injectable with a port',
    async () => {
      const found = await lint([
        "import { Inject, Injectable, Module } from '@nestjs/common';",
        'export const CLOCK = Symbol("Clock");',
        'export interface Clock {',
        '  now(): Date;',
        '}',
        '@Injectable()',
        'export class Greeter {',
        '  constructor(@Inject(CLOCK) private readonly clock: Clock) {}',
        '  async greet(name: string): Promise<string> {',
        '    await Promise.resolve();',
        '    return `${name} at ${this.clock.now().toISOString()}`;',
        '  }',
        '}',
        '@Module({ providers: [Greeter, { provide: CLOCK, useValue: { now: () => new Date() } }] })',
        'export class GreeterModule {}',
      ]);
      expect(found).toEqual([]);
    },
    slow,
  );
});
