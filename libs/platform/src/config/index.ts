export * from './app-config.js';
export * from './database.config.js';
export * from './event-store.config.js';
export * from './http.config.js';
export * from './identity.config.js';
export * from './imports.config.js';
export * from './logging.config.js';
export * from './redis.config.js';
export { NODE_ENVS, type NodeEnv } from './env-vars.js';
