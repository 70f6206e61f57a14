export type { Clock } from '@due-regard/shared-kernel';

/** Ids, behind a port so that tests can pin them. */
export interface IdGenerator {
  /** A UUIDv7. */
  next(): string;
}

/**
 * Told about every append as it commits, for an operator's metrics: how long each command's append
 * took from its arrival to being durable, and how many commands each written transaction combined
 * (group commit). Called synchronously: it must only count.
 */
export interface AppendObserver {
  appendCommitted(seconds: number): void;
  batchWritten(commands: number, events: number): void;
}

export const IGNORE_APPENDS: AppendObserver = {
  appendCommitted: () => undefined,
  batchWritten: () => undefined,
};
