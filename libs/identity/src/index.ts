export * from './access/access.decorator.js';
export * from './access/roles.js';
