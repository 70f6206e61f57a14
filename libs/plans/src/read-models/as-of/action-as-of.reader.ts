import { DiscoveryService } from '@nestjs/core';
import type pg from 'pg';
import { streamName, Upcasters, type JsonObject, type LoadedState } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CouncilReadModels, UpcasterContribution } from '@due-regard/platform';
import { actionDecider, type ActionEvent, type ActionState } from '../../domain/action.js';
import { EVENT_STORE_SCHEMA } from '../projection/event-log.js';
import { PlansReadModelDatabase } from '../read-model-database.js';
import { ActionSnapshot } from '../schema/entities.js';

/**
 * An action of the current council as it stood at an instant, rebuilt from its events: from the
 * newest snapshot the instant covers (the projection keeps one every ACTION_SNAPSHOT_EVERY
 * versions, in the same transaction as the rows) and the events after it recorded by then. The
 * answer is the state `loadState(store, stream, actionDecider, asOf)` folds from the whole stream,
 * at a cost bounded by the snapshot interval instead of the stream's length.
 *
 * It reads the PostgreSQL event store's table for the tail (the port reads streams from their
 * start only) and applies the same upcasters as the event store does.
 */
export class ActionAsOfReader {
  private readonly context = new RequestContext();

  constructor(
    private readonly readModels: CouncilReadModels,
    private readonly pool: pg.Pool,
    private readonly upcasters: Upcasters,
  ) {}

  async load(actionId: string, asOf: Date): Promise<LoadedState<ActionState>> {
    const stream = streamName('action', this.context.councilSlug(), actionId);
    const snapshot = await this.readModels.read((em) =>
      em.findOne(ActionSnapshot, { actionId, recordedThrough: { $lte: asOf } }, { orderBy: { version: 'desc' } }),
    );
    const after = snapshot?.version ?? 0;
    const { rows } = await this.pool.query<{
      type: string;
      schema_version: number;
      data: JsonObject;
      stream_version: string;
    }>(
      `SELECT type, schema_version, data, stream_version FROM ${EVENT_STORE_SCHEMA}.events
        WHERE stream_id = $1 AND stream_version > $2 AND recorded_at <= $3 ORDER BY stream_version`,
      [stream, after, asOf],
    );
    let state: ActionState = snapshot?.state ?? actionDecider.initialState();
    let version = after;
    for (const row of rows) {
      if (!(actionDecider.eventTypes as readonly string[]).includes(row.type)) {
        throw new Error(`Stream ${stream} holds an event of unknown type ${row.type} at version ${row.stream_version}`);
      }
      const { data } = this.upcasters.apply(row.type, row.schema_version, row.data);
      state = actionDecider.evolve(state, { type: row.type, data } as ActionEvent);
      version = Number(row.stream_version);
    }
    return { state, version };
  }
}

/** The upcasters every module contributed to the event store (see EventStoreModule.forUpcasters). */
export function contributedUpcasters(discovery: DiscoveryService): Upcasters {
  const upcasters = new Upcasters();
  for (const wrapper of discovery.getProviders()) {
    if (wrapper.instance instanceof UpcasterContribution) {
      for (const upcaster of wrapper.instance.upcasters) upcasters.register(upcaster);
    }
  }
  return upcasters;
}

/** For the API: `ActionAsOfReader` with the upcasters the event store applies. */
export const actionAsOfReaderProvider = {
  provide: ActionAsOfReader,
  inject: [CouncilReadModels, PlansReadModelDatabase, DiscoveryService],
  useFactory: (readModels: CouncilReadModels, database: PlansReadModelDatabase, discovery: DiscoveryService) =>
    new ActionAsOfReader(readModels, database.pool, contributedUpcasters(discovery)),
};
