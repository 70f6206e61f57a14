export * from './decider.js';
export * from './domain-errors.js';
export * from './json.js';
export * from './clock.js';
export * from './uk-dates.js';
export * from './quarter-convention.js';
export * from './storable-text.js';
export * from './update-cycle.js';
