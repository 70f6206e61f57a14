// The forums bounded context: regional equalities forums, councils' consent with a scope, and the comparison.
export * from './domain/forum.js';
export * from './domain/consent.js';
