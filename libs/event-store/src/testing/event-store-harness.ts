import type { GlobalPosition, NewEvent } from '../event.js';
import type { EventStore, ExpectedVersion } from '../event-store.port.js';
import type { CheckpointSigner } from '../tamper-evidence.js';
import type { Upcasters } from '../upcasting.js';

/** An append whose transaction has done its work but not committed yet. */
export interface HeldAppend {
  /** Where the held events will stand in the global order, when the adapter knows it before commit. */
  readonly position: GlobalPosition | null;
  commit(): Promise<void>;
}

/**
 * What the contract suite needs of an adapter beyond the port: a fresh store, a way to hold an
 * append's transaction open, and a PostgreSQL database for subscription checkpoints.
 */
export interface EventStoreHarness {
  createStore(options: { readonly upcasters: Upcasters; readonly signer: CheckpointSigner }): Promise<EventStore>;
  /** Starts an append that has written its events but not committed; resolves once it holds them. */
  holdAppendOpen(
    store: EventStore,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<HeldAppend>;
  /** PostgreSQL connection string where subscription checkpoints (and test read models) live. */
  readonly checkpointDatabaseUrl: string;
  dispose(): Promise<void>;
}
