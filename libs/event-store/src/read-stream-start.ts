import type { ReadStreamOptions } from './event-store.port.js';

/**
 * The stream version a readStream starts after: `afterVersion`, 0 when absent. Both adapters refuse
 * the same values, with a RangeError, before reading anything.
 */
export function readStreamStartsAfter(options: ReadStreamOptions): number {
  const { afterVersion = 0 } = options;
  if (!Number.isSafeInteger(afterVersion) || afterVersion < 0)
    throw new RangeError(`afterVersion must be a stream version (a whole number from 0), not ${afterVersion}`);
  return afterVersion;
}
