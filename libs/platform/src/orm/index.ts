export * from './council-isolation.js';
export * from './council-read-models.js';
export * from './orm-contribution.js';
export * from './orm.module.js';
