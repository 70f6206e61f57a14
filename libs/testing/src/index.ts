export * from './test-database.js';
export * from './signing-keys.js';
export * from './demo-user-tokens.js';
export * from './test-environment.js';
export * from './decider-scenario.js';
