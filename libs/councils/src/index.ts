export * from './councils.module.js';
export * from './demo/demo-councils.js';
export * from './directory/council-directory.js';
export * from './domain/council.js';
export * from './register-council/register-council.command.js';
export * from './register-council/register-council.handler.js';
