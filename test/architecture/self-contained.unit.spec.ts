// Proves that the repository stands alone: no source, test, script, configuration or document in it
// refers to a path outside its root (a folder beside the checkout, a path on one machine), so a
// clone anywhere builds, runs and passes its tests.
//
// What counts as a path outside:
// - an absolute path under /work/ (where the project's checkouts live) or under the checkout's parent;
// - a relative path written out (`../x`, in code, comments, links and scripts) that climbs above the
//   root when resolved from its file's folder;
// - a `path.join`/`path.resolve` call that leaves the root, its arguments evaluated: string literals,
//   the file's folder (`import.meta.dirname`, `__dirname`, `dirname(fileURLToPath(import.meta.url))`),
//   the working directory (the root: scripts and tests run there), `const`s of this kind, and anything
//   named like the repository root (`root`, `repoRoot()`) taken to be it;
// - `../shared` (the folder beside the checkout the fixtures used to be read from) where no such
//   folder exists in the repository.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const repoRoot = resolve(import.meta.dirname, '..', '..');
/** Files whose string literals are code checked as if it were at other paths, where its paths hold. */
const SNIPPETS_OF_OTHER_FILES = new Set([
  'test/architecture/self-contained.unit.spec.ts',
  'test/architecture/layer-rules.unit.spec.ts',
]);

/** Folders that are not the repository's own text: .gitignore's, and git's. */
const IGNORED_FOLDERS = new Set(['.git', 'node_modules', '.tools', 'dist', '.data', 'test-output', 'coverage']);
/** Files that are generated (npm's lockfile names packages, not paths of ours). */
const IGNORED_FILES = new Set(['package-lock.json']);
const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
const TEXT_EXTENSIONS = new Set(['.json', '.md', '.sh', '.yml', '.yaml']);
/** Files without an extension that are read as well as scripts (`#!`). */
const NAMED_FILES = new Set(['Dockerfile', '.swcrc']);

const machinePaths = [...new Set(['/work/', ...(dirname(repoRoot) === sep ? [] : [`${dirname(repoRoot)}${sep}`])])];
/** A relative path written out: `../` climbs, then a name or a last `..`; not the tail of a longer path. */
const RELATIVE_PATH = /(?<![\w./$-])(?:\.\.\/)+(?:\.\.(?![\w.])|[\w@][^\s'"`()<>[\]{},;*|]*)/g;
const SHARED_FOLDER = /^(?:\.\.\/)+shared(?=\/|$)/;
const ROOT_NAME = /^(?:repo|repository|project)?root$/i;

interface Finding {
  readonly line: number;
  readonly path: string;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function outside(absolutePath: string): boolean {
  const fromRoot = relative(repoRoot, absolutePath);
  return fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot);
}

/** Absolute paths on a machine and relative paths that climb out, wherever they are written. */
function writtenPaths(file: string, text: string): Finding[] {
  const folder = resolve(repoRoot, dirname(file));
  const found: Finding[] = [];
  for (const machinePath of machinePaths) {
    for (let index = text.indexOf(machinePath); index !== -1; index = text.indexOf(machinePath, index + 1)) {
      found.push({ line: lineAt(text, index), path: machinePath });
    }
  }
  for (const match of text.matchAll(RELATIVE_PATH)) {
    const written = match[0];
    const sharedFolder = SHARED_FOLDER.exec(written)?.[0];
    const missingSharedFolder = sharedFolder !== undefined && !existsSync(resolve(folder, sharedFolder));
    if (outside(resolve(folder, written)) || missingSharedFolder) {
      found.push({ line: lineAt(text, match.index), path: written });
    }
  }
  return found;
}

type PathFunction = 'join' | 'resolve' | 'dirname' | 'fileURLToPath';

/** The functions of `node:path` and `node:url` that are evaluated, by module. */
const EVALUATED_FUNCTIONS: ReadonlyMap<string, readonly PathFunction[]> = new Map([
  ['path', ['join', 'resolve', 'dirname']],
  ['node:path', ['join', 'resolve', 'dirname']],
  ['url', ['fileURLToPath']],
  ['node:url', ['fileURLToPath']],
]);

/** The local names a module gives those functions and their modules. */
interface PathBindings {
  readonly functions: Map<string, PathFunction>;
  /** Default and namespace imports (`path` in `path.join(...)`) → the functions evaluated. */
  readonly namespaces: Map<string, readonly PathFunction[]>;
}

function pathBindings(source: ts.SourceFile): PathBindings {
  const bindings: PathBindings = { functions: new Map(), namespaces: new Map() };
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const evaluated = EVALUATED_FUNCTIONS.get(statement.moduleSpecifier.text);
    const clause = statement.importClause;
    if (evaluated === undefined || clause === undefined) continue;
    if (clause.name) bindings.namespaces.set(clause.name.text, evaluated);
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bindings.namespaces.set(named.name.text, evaluated);
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) {
        const imported = evaluated.find((name) => name === (element.propertyName ?? element.name).text);
        if (imported !== undefined) bindings.functions.set(element.name.text, imported);
      }
    }
  }
  return bindings;
}

/** The `const`s declared once in a module, by name (a name declared twice is left out: which one?). */
function constants(source: ts.SourceFile): Map<string, ts.Expression> {
  const declared = new Map<string, ts.Expression | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const name = declaration.name.text;
        declared.set(name, declared.has(name) ? null : (declaration.initializer ?? null));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const unique = new Map<string, ts.Expression>();
  for (const [name, initializer] of declared) if (initializer !== null) unique.set(name, initializer);
  return unique;
}

/** `path.join`/`path.resolve` calls whose path, as far as it can be told, leaves the repository. */
function pathCalls(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const folder = resolve(repoRoot, dirname(file));
  const bindings = pathBindings(source);
  const consts = constants(source);

  const pathFunction = (callee: ts.Expression): PathFunction | undefined => {
    if (ts.isIdentifier(callee)) return bindings.functions.get(callee.text);
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
    return bindings.namespaces.get(callee.expression.text)?.find((name) => name === callee.name.text);
  };

  const isImportMeta = (node: ts.Expression, property: string): boolean =>
    ts.isPropertyAccessExpression(node) &&
    ts.isMetaProperty(node.expression) &&
    node.expression.keywordToken === ts.SyntaxKind.ImportKeyword &&
    node.name.text === property;

  /** The values of the path after each argument that can be told, `undefined` after one that cannot. */
  const steps = (kind: 'join' | 'resolve', args: readonly ts.Expression[]): (string | undefined)[] => {
    let current: string | undefined = kind === 'resolve' ? repoRoot : '';
    const values: (string | undefined)[] = [];
    for (const arg of args) {
      const value = evaluate(arg);
      if (value === undefined) current = undefined;
      else if (kind === 'resolve' && isAbsolute(value)) current = value;
      else if (current !== undefined) current = kind === 'resolve' ? resolve(current, value) : join(current, value);
      values.push(current);
    }
    return values;
  };

  const evaluate = (node: ts.Expression): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isParenthesizedExpression(node)) return evaluate(node.expression);
    if (ts.isTemplateExpression(node)) {
      let value = node.head.text;
      for (const span of node.templateSpans) {
        const part = evaluate(span.expression);
        if (part === undefined) return undefined;
        value += part + span.literal.text;
      }
      return value;
    }
    if (isImportMeta(node, 'dirname')) return folder;
    if (isImportMeta(node, 'filename')) return resolve(repoRoot, file);
    if (ts.isIdentifier(node)) {
      if (node.text === '__dirname') return folder;
      const initializer = consts.get(node.text);
      if (initializer !== undefined) return evaluate(initializer);
      return ROOT_NAME.test(node.text) ? repoRoot : undefined;
    }
    if (!ts.isCallExpression(node)) return undefined;
    const callee = node.expression;
    if (ts.isIdentifier(callee) && ROOT_NAME.test(callee.text)) return repoRoot;
    if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'process' &&
      callee.name.text === 'cwd'
    ) {
      return repoRoot;
    }
    const kind = pathFunction(callee);
    const [first] = node.arguments;
    if (kind === 'fileURLToPath') return first && isImportMeta(first, 'url') ? resolve(repoRoot, file) : undefined;
    if (kind === 'dirname') {
      const value = first && evaluate(first);
      return value === undefined ? undefined : dirname(value);
    }
    if (kind === 'join' || kind === 'resolve') return steps(kind, node.arguments).at(-1);
    return undefined;
  };

  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const kind = pathFunction(node.expression);
      if (kind === 'join' || kind === 'resolve') {
        const values = steps(kind, node.arguments);
        // Where the path stands before an argument that cannot be told, and at the end.
        const told = values.filter(
          (value, index): value is string =>
            value !== undefined && (index === values.length - 1 || values[index + 1] === undefined),
        );
        const escaped = told.find((value) => isAbsolute(value) && outside(value));
        if (escaped !== undefined) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push({ line: line + 1, path: relative(repoRoot, escaped) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every reference to a path outside the repository in one file, given as it is in the repository. */
function outsidePaths(file: string, text: string): Finding[] {
  const code = CODE_EXTENSIONS.has(extname(file));
  const found = [...writtenPaths(file, text), ...(code ? pathCalls(file, text) : [])];
  const unique = new Map(found.map((finding) => [`${finding.line} ${finding.path}`, finding]));
  return [...unique.values()].sort((a, b) => a.line - b.line);
}

/** The repository's own text files: code, configuration, documents and scripts (by their `#!`). */
async function repositoryFiles(folder = repoRoot): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_FOLDERS.has(entry.name)) files.push(...(await repositoryFiles(full)));
      continue;
    }
    if (!entry.isFile() || IGNORED_FILES.has(entry.name)) continue;
    const extension = extname(entry.name);
    const named = NAMED_FILES.has(entry.name);
    const script = extension === '' && !named && (await readFile(full, 'utf8')).startsWith('#!');
    if (CODE_EXTENSIONS.has(extension) || TEXT_EXTENSIONS.has(extension) || named || script) {
      files.push(relative(repoRoot, full));
    }
  }
  return files;
}

describe('the repository stands alone', () => {
  it.each([
    [
      'a fixture read from beside the checkout, from the root',
      'libs/plan-import/src/testing/documents.ts',
      [
        "import path from 'node:path';",
        'export const bytes = (name: string): string =>',
        "  path.resolve(repoRoot(), '../shared/fixtures/plans', name);",
      ],
      [{ line: 3, path: '../shared/fixtures/plans' }],
    ],
    [
      'a reference read by climbing out of the file’s folder',
      'libs/plans/src/domain/equality-reference.unit.spec.ts',
      [
        "import { join } from 'node:path';",
        "const referencePath = join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'reference.json');",
      ],
      [{ line: 2, path: '../shared/reference.json' }],
    ],
    [
      'a climb from a const holding the root, then a name',
      'test/e2e/sample.e2e.spec.ts',
      [
        "import * as path from 'node:path';",
        "const root = path.resolve(import.meta.dirname, '../..');",
        "export const design = path.join(root, '..', 'shared', 'DESIGN.md');",
      ],
      [{ line: 3, path: '../shared/DESIGN.md' }],
    ],
    [
      'a climb from a script’s own location',
      'infra/bin/sample.mjs',
      [
        "import { dirname, resolve } from 'node:path';",
        "import { fileURLToPath } from 'node:url';",
        "export const above = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');",
      ],
      [
        { line: 3, path: '../../..' },
        { line: 3, path: '..' },
      ],
    ],
    [
      'a path resolved from the working directory',
      'apps/cli/src/sample.ts',
      ["import { resolve } from 'node:path';", "export const stack = resolve('../shared/STACK.md');"],
      [{ line: 2, path: '../shared/STACK.md' }],
    ],
    [
      'an import that climbs out',
      'libs/plans/src/sample.ts',
      ["export { plan } from '../../../../elsewhere/plan.js';"],
      [{ line: 1, path: '../../../../elsewhere/plan.js' }],
    ],
    [
      'a comment naming the folder beside the checkout',
      'libs/plans/src/domain/sample.ts',
      ['/** Copied from `../shared/reference/equality-reference.json`. */', 'export const copied = true;'],
      [{ line: 1, path: '../shared/reference/equality-reference.json' }],
    ],
    [
      'a link out of the README',
      'README.md',
      ['# Due Regard', '', 'See [`DESIGN.md`](../shared/DESIGN.md).'],
      [{ line: 3, path: '../shared/DESIGN.md' }],
    ],
    [
      'a shell script reading beside the checkout',
      '.ci/run',
      ['#!/usr/bin/env bash', 'cd "$(dirname "${BASH_SOURCE[0]}")/.."', 'cat ../shared/STACK.md'],
      [{ line: 3, path: '../shared/STACK.md' }],
    ],
    [
      'an absolute path on the machine',
      'package.json',
      ['{', '  "scripts": { "fixtures": "cp -r /work/shared/fixtures test/" }', '}'],
      [{ line: 2, path: '/work/' }],
    ],
  ])('finds %s', (_what, file, lines, expected) => {
    expect(outsidePaths(file, lines.join('\n'))).toEqual(expected);
  });

  it.each([
    [
      'an import of a shared folder inside the repository',
      'libs/plans/src/application/get-action/sample.ts',
      ["import { planStreams } from '../shared/streams.js';", 'export const streams = planStreams;'],
    ],
    [
      'the root found from a script’s location',
      'infra/bin/sample.mjs',
      [
        "import path from 'node:path';",
        "import { fileURLToPath } from 'node:url';",
        "const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');",
        "export const outDir = path.resolve(root, 'dist');",
        "export const escapes = path.relative(root, outDir).startsWith('..');",
      ],
    ],
    [
      'folders inside, from the file’s folder and from the working directory',
      'test/browser/support/sample.ts',
      [
        "import { join, resolve } from 'node:path';",
        "import { tmpdir } from 'node:os';",
        "export const screenshots = join(import.meta.dirname, '..', '..', '..', 'test-output', 'screenshots');",
        "export const plans = resolve('infra/demo/plans');",
        "export const scratch = join(tmpdir(), '..', 'elsewhere');",
        "export const browser = '/usr/bin/chromium';",
      ],
    ],
    [
      'joins and promises that are not paths, and `../` as a word',
      'libs/web/src/pages/plans/sample.unit.spec.ts',
      [
        "export const label = ['..', '..', '..', '..', '..'].join('/');",
        "export const later = Promise.resolve('../../../../..');",
        "export const traversal = { objective: '../x' };",
        '// A relative path that climbs out (`../`) is refused.',
      ],
    ],
    [
      'a script finding its own root',
      'infra/bin/sample.sh',
      ['_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/../.." && pwd)"', '# shellcheck source=../bin/sample.sh'],
    ],
  ])('leaves alone %s', (_what, file, lines) => {
    expect(outsidePaths(file, lines.join('\n'))).toEqual([]);
  });

  it('no file in the repository refers to a path outside it', async () => {
    const files = (await repositoryFiles()).filter((file) => !SNIPPETS_OF_OTHER_FILES.has(file));
    // The scan must have reached every kind of file it is meant for.
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'package.json',
        'jest.config.js',
        'eslint.config.js',
        '.ci/run',
        'Dockerfile',
        'infra/bin/build.mjs',
        'infra/bin/use-node24.sh',
        'libs/plan-import/src/testing/documents.ts',
      ]),
    );
    const found: string[] = [];
    for (const file of files) {
      for (const { line, path } of outsidePaths(file, await readFile(join(repoRoot, file), 'utf8'))) {
        found.push(`${file}:${line} ${path}`);
      }
    }
    expect(found).toEqual([]);
  });
});
