export * from './command-record.js';
export * from './command-session.js';
export * from './errors.js';
export * from './handle-command.js';
export * from './command-runner.js';
export * from './commands.module.js';
export * from './idempotency/idempotency.interceptor.js';
export * from './idempotency/idempotency.store.js';
