export * from './config/site-addresses.js';
export * from './config/web-options.js';
export * from './errors/exception-filters.js';
export * from './session/session-principal-source.js';
export * from './session/web-session.js';
export { SESSION_KEY_PREFIX } from './session/web-session.middleware.js';
export * from './web.module.js';
