// ESLint flat config for the Due Regard monorepo.
//
// Three layers:
//   1. plain JavaScript (config files, infra scripts): @eslint/js recommended, Node globals;
//   2. TypeScript under apps/, libs/, test/: typescript-eslint recommended-type-checked with the
//      project service (tsconfig.json), plus the promise and exhaustiveness rules we rely on;
//   3. architecture: no import cycles, pure domain code, apps reach libs only through
//      `@due-regard/<lib>`, libs never reach into apps. test/architecture/ proves each one fires.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import libraryGraph from './library-graph.json' with { type: 'json' };

const root = import.meta.dirname;

const tsFiles = ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts'];
const jsFiles = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// Resolves what TypeScript (NodeNext + paths) resolves: `./x.js` → `./x.ts`, and
// `@due-regard/<lib>` → `libs/<lib>/src/index.ts` via tsconfig.json "paths".
const resolver = createNodeResolver({
  extensions: ['.ts', '.mts', '.cts', '.d.ts', '.js', '.mjs', '.cjs', '.json', '.node'],
  extensionAlias: { '.js': ['.ts', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
  conditionNames: ['types', 'import', 'require', 'node', 'default'],
  tsconfig: { configFile: `${root}/tsconfig.json` },
});

// Frameworks and infrastructure that domain code must not know about.
const frameworkAndInfrastructure = [
  {
    group: ['@nestjs/*', '@mikro-orm/*', '@eventstore/*', '@kurrent/*'],
    message: 'Domain code is pure (decide/evolve): no framework or infrastructure imports. Use a port instead.',
  },
  {
    group: ['bullmq', 'bullmq/*', 'ioredis', 'ioredis/*', 'pg', 'pg/*', 'express', 'express/*'],
    message: 'Domain code is pure (decide/evolve): no framework or infrastructure imports. Use a port instead.',
  },
];
// Same list for `import('...')`; esquery regexes cannot contain a slash, hence \x2F.
const domainImportExpression = String.raw`^(@nestjs|@mikro-orm|@eventstore|@kurrent)\x2F|^(bullmq|ioredis|pg|express|@due-regard\x2Fplatform)(\x2F|$)`;

// apps/** reach a library only through its public entry point.
// A relative path that climbs out (`../`) and then enters a `libs/` folder, or a sub-path of the alias.
const noDeepLibImports = {
  regex: String.raw`^(\./)?(\.\./)+(.*/)?libs(/|$)|^@due-regard/[^/]+/`,
  message: 'Apps import a library only through its entry point: `@due-regard/<lib>` (no paths into libs/).',
};
// libs/** never depend on a deployable.
const noAppImports = {
  regex: String.raw`^(\./)?(\.\./)+(.*/)?apps(/|$)`,
  message: 'Libraries must not import from apps/: move the shared code into a library.',
};

// The declared library graph (library-graph.json): each library imports only the libraries listed
// for it. docs/architecture.md explains each layer and carries the same table;
// test/architecture/library-graph.unit.spec.ts proves the rule fires and that the two agree.
const LIBRARY_GRAPH = Object.fromEntries(Object.entries(libraryGraph).filter(([key]) => key !== '$comment'));

/** Test code of a library (its specs and `testing/` folders) may use the test-support library too. */
const TEST_SUPPORT = 'testing';

function libraryGraphRule(library, allowed) {
  const forbidden = Object.keys(LIBRARY_GRAPH).filter((other) => other !== library && !allowed.includes(other));
  return {
    group: forbidden.flatMap((other) => [`@due-regard/${other}`, `@due-regard/${other}/*`]),
    message: `libs/${library} may import only ${allowed.length === 0 ? 'no other library' : allowed.map((other) => `@due-regard/${other}`).join(', ')} (the library graph in eslint.config.js and docs/architecture.md).`,
  };
}

function libraryGraphBlocks() {
  return Object.entries(LIBRARY_GRAPH).flatMap(([library, allowed]) => {
    const withTestSupport = allowed.includes(TEST_SUPPORT) ? allowed : [...allowed, TEST_SUPPORT];
    return [
      {
        name: `due-regard/library-graph/${library}`,
        files: [`libs/${library}/**/*.ts`],
        rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports, libraryGraphRule(library, allowed)] }] },
      },
      {
        name: `due-regard/library-graph/${library}/tests`,
        files: [
          `libs/${library}/**/*.spec.ts`,
          `libs/${library}/**/*.harness.ts`,
          `libs/${library}/**/testing/**/*.ts`,
        ],
        rules: {
          'no-restricted-imports': ['error', { patterns: [noAppImports, libraryGraphRule(library, withTestSupport)] }],
        },
      },
    ];
  });
}

// Domain code (deciders) imports no other library but the shared kernel (and, in its specs, the
// test support); a policy also names the roles, identity's vocabulary.
const domainLibraries = {
  group: ['@due-regard/*', '!@due-regard/shared-kernel', '!@due-regard/testing'],
  message: 'Domain code imports only the shared kernel (and, in tests, @due-regard/testing).',
};
const policyLibraries = {
  group: ['@due-regard/*', '!@due-regard/shared-kernel', '!@due-regard/identity', '!@due-regard/testing'],
  message: "A policy imports only the shared kernel and identity's roles (and, in tests, @due-regard/testing).",
};

export default defineConfig(
  globalIgnores(
    ['**/dist/', '**/node_modules/', '**/.tools/', '**/.data/', '**/test-output/', '**/coverage/'],
    'due-regard/ignores',
  ),
  {
    name: 'due-regard/linter-options',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // 1. Plain JavaScript: config files and scripts run by Node.
  {
    name: 'due-regard/javascript',
    files: jsFiles,
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    name: 'due-regard/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // 2. TypeScript, type-aware.
  {
    name: 'due-regard/typescript',
    files: tsFiles,
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { allowDefaultCaseForExhaustiveSwitch: true, considerDefaultExhaustiveForUnions: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // NestJS: modules are empty classes carrying a decorator (`@Module({...}) export class AppModule {}`).
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Jest: `expect(port.append).toHaveBeenCalled()` passes methods unbound on purpose.
    name: 'due-regard/typescript-tests',
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // 3. Architecture.
  {
    name: 'due-regard/import-resolution',
    files: [...tsFiles, ...jsFiles],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [resolver],
      'import-x/extensions': ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
    },
    rules: {
      // Type-only imports cannot form a runtime cycle; they are ignored by the rule.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    name: 'due-regard/layers/apps',
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noDeepLibImports] }],
    },
  },
  // Each library imports only what the library graph lists for it (and never an app).
  ...libraryGraphBlocks(),
  {
    // Later objects replace a rule's options, so the domain block repeats the libs restriction.
    name: 'due-regard/layers/domain',
    files: ['libs/*/src/domain/**/*.ts', 'libs/*-domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...frameworkAndInfrastructure, domainLibraries, noAppImports] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression > Literal.source[value=/${domainImportExpression}/]`,
          message:
            'Domain code is pure (decide/evolve): no framework or infrastructure imports, not even dynamic ones.',
        },
      ],
    },
  },
  {
    // A context's policy (who may do what) is pure too: the API, the web and the CLI all read it.
    name: 'due-regard/layers/policy',
    files: ['libs/*/src/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...frameworkAndInfrastructure, policyLibraries, noAppImports] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression > Literal.source[value=/${domainImportExpression}/]`,
          message:
            'Domain code is pure (decide/evolve): no framework or infrastructure imports, not even dynamic ones.',
        },
      ],
    },
  },
);
