/** Side effects the event store needs, injectable so tests can pin them. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A UUIDv7. */
  next(): string;
}
