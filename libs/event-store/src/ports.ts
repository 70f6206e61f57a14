export type { Clock } from '@due-regard/shared-kernel';

/** Ids, behind a port so that tests can pin them. */
export interface IdGenerator {
  /** A UUIDv7. */
  next(): string;
}
