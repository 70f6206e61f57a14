export * from './event.js';
export * from './errors.js';
export * from './event-store.port.js';
export * from './ports.js';
export * from './position.js';
export * from './stream-name.js';
export * from './tamper-evidence.js';
export * from './upcasting.js';
