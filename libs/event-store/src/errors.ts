import type { ExpectedVersion } from './event-store.port.js';

export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's current version; 0 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected version ${String(expected)}, but it is at ${actual}`);
  }
}

export class StreamTenantMismatchError extends Error {
  override readonly name = 'StreamTenantMismatchError';
  constructor(
    readonly streamId: string,
    readonly streamTenantId: string,
    readonly eventTenantId: string,
  ) {
    super(
      `Stream ${streamId} belongs to tenant ${streamTenantId}; an event of tenant ${eventTenantId} cannot be appended to it`,
    );
  }
}

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}
