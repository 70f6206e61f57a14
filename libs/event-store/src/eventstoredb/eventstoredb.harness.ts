import { randomBytes } from 'node:crypto';
import {
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  type EventData,
} from '@kurrent/kurrentdb-client';
import pg from 'pg';
import type { NewEvent } from '../event.js';
import type { EventStore, ExpectedVersion } from '../event-store.port.js';
import { prepareEvents, uuidV7Ids } from '../new-events.js';
import { GENESIS_HASH, type CheckpointSigner } from '../tamper-evidence.js';
import type { EventStoreHarness, HeldAppend } from '../testing/event-store-harness.js';
import type { Upcasters } from '../upcasting.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import {
  chainEvents,
  decodeStoredEvent,
  isJsonObject,
  toClientConnectionString,
  type RawKurrentEvent,
} from './eventstoredb-mapping.js';

export interface EventStoreDbHarnessOptions {
  /** The KurrentDB server the stores connect to (the suite reads it from EVENTSTORE_URL). */
  readonly eventStoreUrl: string;
  /** A PostgreSQL database to create the checkpoint database from. */
  readonly postgresAdminUrl?: string;
}

const DEFAULT_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Contract-suite harness for the KurrentDB adapter, plus the admin-side tampering the adapter's own
 * tests need (PostgreSQL's harness does that with SQL).
 *
 * KurrentDB keeps every event it ever stored: streams cannot be dropped between tests, so tests
 * use fresh stream ids (fresh tenants), and `$all` holds earlier runs' events.
 */
export class EventStoreDbHarness implements EventStoreHarness {
  readonly checkpointDatabaseUrl: string;
  private readonly adminUrl: string;
  private readonly databaseName: string;
  /** Created as soon as the harness is; createStore waits for it. */
  private readonly databaseReady: Promise<void>;
  private readonly client: KurrentDBClient;
  private readonly stores: EventStore[] = [];
  private disposed = false;

  constructor(private readonly options: EventStoreDbHarnessOptions) {
    this.adminUrl = options.postgresAdminUrl ?? DEFAULT_POSTGRES_ADMIN_URL;
    this.databaseName = `due_regard_esdb_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const url = new URL(this.adminUrl);
    url.pathname = `/${this.databaseName}`;
    this.checkpointDatabaseUrl = url.toString();
    this.client = KurrentDBClient.connectionString(toClientConnectionString(options.eventStoreUrl));
    this.databaseReady = this.withAdmin((admin) => admin.query(`CREATE DATABASE "${this.databaseName}"`));
    // Awaited by createStore and dispose; this only keeps an early failure from going unhandled.
    this.databaseReady.catch(() => undefined);
  }

  async createStore(options: {
    readonly upcasters: Upcasters;
    readonly signer: CheckpointSigner;
  }): Promise<EventStore> {
    await this.databaseReady;
    const store = await EventStoreDbEventStore.create({
      connectionString: this.options.eventStoreUrl,
      signer: options.signer,
      upcasters: options.upcasters,
    });
    this.stores.push(store);
    return store;
  }

  /**
   * KurrentDB has no way to hold an append open: its gRPC API has no client transactions (the old
   * TCP ones are gone), and the server gives an event its `$all` position only when it commits it,
   * so an append can never take a place in `$all` before events that commit after it: the late
   * commit this hook provokes in PostgreSQL cannot happen. Nothing is written here (`position` is
   * unknown, hence null) and `commit()` performs the whole append: a late commit is a late append,
   * which readers see after everything committed before it, as the contract requires.
   */
  holdAppendOpen(
    store: EventStore,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<HeldAppend> {
    return Promise.resolve({
      position: null,
      commit: async () => {
        await store.append(streamId, events, expected);
      },
    });
  }

  /**
   * Beyond the contract. KurrentDB never changes a stored event; what an operator with admin rights
   * can do is rewrite the stream: append copies (one altered) at its end and truncate the originals
   * away (`$tb`). Reads of the stream then show only the copies, with the ids, metadata and
   * recorded hashes of the originals: what verification must catch.
   */
  async tamperWithEventData(streamId: string, streamVersion: number, data: Record<string, unknown>): Promise<void> {
    await this.rewriteStream(streamId, streamVersion, (event) => copyOf(event, data));
  }

  /** Beyond the contract: as tamperWithEventData, leaving the event out of the copies. */
  async deleteEvent(streamId: string, streamVersion: number): Promise<void> {
    await this.rewriteStream(streamId, streamVersion, () => null);
  }

  /**
   * Beyond the contract: starts a stream as the adapter wrote streams before multi-stream append,
   * through a single-stream append with nested JSON metadata (`meta`, `schemaVersion` and `chain`
   * as JSON values, not text), so that tests can check that new appends chain onto such streams.
   */
  async appendAsBefore(streamId: string, events: readonly NewEvent[]): Promise<void> {
    const chained = chainEvents(prepareEvents(streamId, events, 0, uuidV7Ids), GENESIS_HASH);
    const written = chained.map((event) =>
      jsonEvent({
        id: event.content.id,
        type: event.content.type,
        data: event.content.data,
        metadata: {
          meta: event.content.metadata,
          schemaVersion: event.content.schemaVersion,
          chain: { streamVersion: event.content.streamVersion, hash: event.hash, previousHash: event.previousHash },
          $correlationId: event.content.metadata.correlationId,
        },
      }),
    );
    await this.client.appendToStream(streamId, written, { streamState: 'no_stream' });
  }

  /** Beyond the contract: soft-deletes a whole stream, as `DELETE` of the stream in the admin UI does. */
  async softDeleteStream(streamId: string): Promise<void> {
    await this.client.deleteStream(streamId);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const store of this.stores) await store.close().catch(() => undefined);
    await this.client.dispose().catch(() => undefined);
    const created = await this.databaseReady.then(
      () => true,
      () => false,
    );
    if (created)
      await this.withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`));
  }

  private async rewriteStream(
    streamId: string,
    streamVersion: number,
    replace: (event: RawKurrentEvent) => EventData | null,
  ): Promise<void> {
    const events: RawKurrentEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: START, direction: FORWARDS })) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const last = events.at(-1);
    if (!last || !events.some((event) => decodeStoredEvent(event).streamVersion === streamVersion)) {
      throw new Error(`Stream ${streamId} has no event at version ${streamVersion} to tamper with`);
    }
    const copies: EventData[] = [];
    for (const event of events) {
      const copy = decodeStoredEvent(event).streamVersion === streamVersion ? replace(event) : copyOf(event, null);
      if (copy) copies.push(copy);
    }
    // Exact expected revision: KurrentDB appends events whose ids it has seen only when the
    // expectation matches the stream's end (ANY or an older revision would be taken as a retry).
    if (copies.length > 0) await this.client.appendToStream(streamId, copies, { streamState: last.revision });
    await this.client.setStreamMetadata(streamId, { truncateBefore: Number(last.revision + 1n) });
  }

  private async withAdmin(work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
    const admin = new pg.Client({ connectionString: this.adminUrl });
    await admin.connect();
    try {
      await work(admin);
    } finally {
      await admin.end();
    }
  }
}

/** The stored event again, byte for byte as far as JSON goes, optionally with other data. */
function copyOf(event: RawKurrentEvent, data: Record<string, unknown> | null): EventData {
  const keptData = data ?? event.data;
  if (!isJsonObject(keptData))
    throw new Error(`Event ${event.id} of ${event.streamId} has no JSON object data to copy`);
  return jsonEvent({ id: event.id, type: event.type, data: keptData, metadata: event.metadata });
}
