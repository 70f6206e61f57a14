// Proves that a use case's contracts live beside it, where the API's controllers, the web's forms,
// the import app and the CLI all take them from: the request bodies it takes in
// `<use-case>/<use-case>.body.ts`, the views it answers in `<use-case>/<use-case>.view.ts`.
//
// - An HTTP controller (`*.http.controller.ts`) declares no schema of what goes in or out: no
//   object, record, array, tuple or union built with zod's `z` (`z.object(`, `z.strictObject(`…),
//   and no schema derived from another (`.extend(`, `.partial(`…), at the top of the module or
//   inside a decorator. Checking a route parameter with a scalar schema (`z.uuid()` in a pipe) and
//   documenting a schema (`z.toJSONSchema`) stay the controller's own.
// - A contract file sits in the folder of its use case: `x.body.ts` and `x.view.ts` in `x/`.
// - A library's entry point exports nothing from a controller module: it exports the contracts.
// No I/O beyond reading the repository.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const repoRoot = resolve(import.meta.dirname, '..', '..');
/** Where the code lives; test/ holds no use case. */
const SOURCE_FOLDERS = ['apps', 'libs'];
const IGNORED_FOLDERS = new Set(['node_modules', 'dist']);

const CONTROLLER = /\.http\.controller\.ts$/;
const CONTRACT = /^(?<useCase>.+)\.(?<kind>body|view)\.ts$/;

/** zod's builders of the shapes a request or an answer has. */
const SHAPE_BUILDERS = new Set([
  'object',
  'strictObject',
  'looseObject',
  'record',
  'partialRecord',
  'array',
  'tuple',
  'union',
  'discriminatedUnion',
  'intersection',
]);
/** Schema methods that derive a new shape from another. */
const SHAPE_DERIVATIONS = new Set(['extend', 'safeExtend', 'merge', 'pick', 'omit', 'partial', 'required']);

interface Finding {
  readonly line: number;
  readonly code: string;
}

/** The local names zod's `z` has in a module: `import { z } from 'zod'`, `import * as z from 'zod'`. */
function zodNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'zod') continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if ((element.propertyName ?? element.name).text === 'z') names.add(element.name.text);
      }
    }
  }
  return names;
}

/** The schemas a controller builds or derives, wherever in the module. */
function schemasDeclared(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const zod = zodNames(source);
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { expression: receiver, name } = node.expression;
      const built = ts.isIdentifier(receiver) && zod.has(receiver.text) && SHAPE_BUILDERS.has(name.text);
      if (built || SHAPE_DERIVATIONS.has(name.text)) {
        const { line } = source.getLineAndCharacterOfPosition(name.getStart(source));
        found.push({ line: line + 1, code: built ? `${receiver.getText(source)}.${name.text}(` : `.${name.text}(` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A contract file outside the folder of its use case, or null. */
function misplacedContract(file: string): string | null {
  const useCase = CONTRACT.exec(basename(file))?.groups?.['useCase'];
  return useCase === undefined || basename(dirname(file)) === useCase ? null : file;
}

/** The controller modules an entry point exports (or imports) from. */
function controllersExported(text: string): string[] {
  return [...text.matchAll(/from '([^']+\.http\.controller\.js)'/g)].map(([, path = '']) => path);
}

async function sourceFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(repoRoot, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !IGNORED_FOLDERS.has(entry.name)) files.push(...(await sourceFiles(path)));
    if (entry.isFile() && entry.name.endsWith('.ts')) files.push(path);
  }
  return files;
}

describe('contracts live beside their use case', () => {
  it.each([
    [
      'a body declared in a controller',
      ["import { z } from 'zod';", 'export const recordProgressBody = z.strictObject({ narrative: z.string() });'],
      [{ line: 2, code: 'z.strictObject(' }],
    ],
    [
      'an answer built inside a decorator',
      [
        "import { z } from 'zod';",
        'export class DraftPlanHttpController {',
        '  @DocumentCommand({ result: writeResultSchema.extend({ strategyId: z.uuid() }) })',
        '  draft(): void {}',
        '}',
      ],
      [{ line: 3, code: '.extend(' }],
    ],
    [
      'a union, an array and a record under another name for z',
      [
        "import { z as zod } from 'zod';",
        'const answer = zod.union([planDetailSchema, planAsOfSchema]);',
        'const mapping = zod.record(zod.string(), zod.array(zod.string()));',
      ],
      [
        { line: 2, code: 'zod.union(' },
        { line: 3, code: 'zod.record(' },
        { line: 3, code: 'zod.array(' },
      ],
    ],
    [
      'a body derived from another use case’s',
      ['export const reviseObjectiveBody = addObjectiveBody.partial();'],
      [{ line: 1, code: '.partial(' }],
    ],
  ])('finds %s', (_what, lines, expected) => {
    expect(schemasDeclared('libs/plans/src/application/x/x.http.controller.ts', lines.join('\n'))).toEqual(expected);
  });

  it('leaves a controller its route parameters and its documentation', () => {
    const lines = [
      "import { z } from 'zod';",
      "import { recordProgressBody, type RecordProgressBody } from './record-progress.body.js';",
      "const idParam = new ZodValidationPipe(z.uuid('Not an id this service issues'));",
      "const documented = z.toJSONSchema(recordProgressBody, { target: 'openapi-3.0' });",
      'export type Parameters = z.output<typeof recordProgressBody>;',
    ];
    expect(schemasDeclared('libs/plans/src/application/x/x.http.controller.ts', lines.join('\n'))).toEqual([]);
  });

  it.each([
    ['libs/plans/src/application/record-progress/record-progress.body.ts', null],
    ['libs/plans/src/application/get-action/get-action.view.ts', null],
    [
      'libs/plans/src/application/shared/record-progress.body.ts',
      'libs/plans/src/application/shared/record-progress.body.ts',
    ],
    ['libs/councils/src/get-council/council.view.ts', 'libs/councils/src/get-council/council.view.ts'],
    ['libs/plans/src/application/shared/views.ts', null],
  ])('places %s: %s', (file, expected) => {
    expect(misplacedContract(file)).toBe(expected);
  });

  it('finds a controller module in an entry point', () => {
    const index = [
      "export * from './application/record-progress/record-progress.command.js';",
      "export { recordProgressBody } from './application/record-progress/record-progress.body.js';",
      'export {',
      '  reviseDueBody,',
      "} from './application/revise-due/revise-due.http.controller.js';",
    ].join('\n');
    expect(controllersExported(index)).toEqual(['./application/revise-due/revise-due.http.controller.js']);
  });

  describe('in the repository', () => {
    let files: string[];

    beforeAll(async () => {
      files = (await Promise.all(SOURCE_FOLDERS.map((folder) => sourceFiles(folder)))).flat();
    });

    it('no HTTP controller declares a schema of what goes in or out', async () => {
      const controllers = files.filter((file) => CONTROLLER.test(file));
      // The scan must reach the controllers of every context that has them.
      expect(controllers).toEqual(
        expect.arrayContaining([
          'libs/plans/src/application/record-progress/record-progress.http.controller.ts',
          'libs/plans/src/read-models/rebuild/rebuild.http.controller.ts',
          'libs/councils/src/register-council/register-council.http.controller.ts',
          'libs/plan-import-app/src/uploads/imports.http.controller.ts',
        ]),
      );
      const found: string[] = [];
      for (const file of controllers) {
        for (const { line, code } of schemasDeclared(file, await readFile(join(repoRoot, file), 'utf8'))) {
          found.push(`${file}:${line} ${code}`);
        }
      }
      expect(found).toEqual([]);
    });

    it('every body and view is in the folder of its use case', () => {
      const contracts = files.filter((file) => CONTRACT.test(basename(file)));
      expect(contracts).toEqual(
        expect.arrayContaining([
          'libs/plans/src/application/record-progress/record-progress.body.ts',
          'libs/plans/src/application/get-action/get-action.view.ts',
          'libs/councils/src/change-council-settings/change-council-settings.body.ts',
          'libs/plan-import-app/src/uploads/uploads.body.ts',
        ]),
      );
      expect(contracts.map(misplacedContract).filter((file) => file !== null)).toEqual([]);
    });

    it('no entry point exports a controller module', async () => {
      const entryPoints = files.filter((file) => basename(file) === 'index.ts');
      expect(entryPoints).toEqual(expect.arrayContaining(['libs/plans/src/index.ts', 'libs/councils/src/index.ts']));
      const found: string[] = [];
      for (const file of entryPoints) {
        for (const path of controllersExported(await readFile(join(repoRoot, file), 'utf8'))) {
          found.push(`${file}: ${path}`);
        }
      }
      expect(found).toEqual([]);
    });
  });
});
