// The plans bounded context: strategies, action plans, actions, measures, and when things are due.
export * from './domain/action-plan.js';
export * from './domain/action.js';
export * from './domain/calendar-date.js';
export * from './domain/due.js';
export * from './domain/equality-reference.js';
export * from './domain/measure.js';
export * from './domain/period.js';
export * from './domain/rag.js';
export * from './domain/strategy.js';
