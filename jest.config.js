// Four tiers, selected by file name: *.unit.spec.ts (no I/O), *.int.spec.ts
// (real PostgreSQL/Redis), *.e2e.spec.ts (HTTP against the whole app), *.browser.spec.ts (the
// whole app on port 3000 in Debian's Chromium, with axe).
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper: {
    '^@due-regard/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
};

// A test's timeout only catches a hang: on a shared two-core CI machine a test that takes a second
// alone can take several (an app booting, a minute), so jest's 5-second default would fail it for
// being slow. Speed is measured by `npm run bench`, never by a test.
/** @type {import('jest').Config} */
export default {
  testTimeout: 120_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
    { ...shared, displayName: 'browser', testMatch: ['**/*.browser.spec.ts'] },
  ],
};
