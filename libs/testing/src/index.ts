export * from './test-database.js';
export * from './signing-keys.js';
