import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, loadStateFrom, streamName, type EventStore, type LoadedState } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CouncilReadModels } from '@due-regard/platform';
import { actionDecider, type ActionState } from '../../domain/action.js';
import { ActionSnapshot } from '../schema/entities.js';

/**
 * An action of the current council as it stood at an instant, rebuilt from its events: from the
 * newest snapshot the instant covers (the projection keeps one every ACTION_SNAPSHOT_EVERY
 * versions, in the same transaction as the rows) and the events after it recorded by then, read
 * (and upcasted) by the event store. The answer is the state `loadState(store, stream,
 * actionDecider, asOf)` folds from the whole stream, at a cost bounded by the snapshot interval
 * instead of the stream's length.
 */
@Injectable()
export class ActionAsOfReader {
  private readonly context = new RequestContext();

  constructor(
    private readonly readModels: CouncilReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async load(actionId: string, asOf: Date): Promise<LoadedState<ActionState>> {
    const stream = streamName('action', this.context.councilSlug(), actionId);
    const snapshot = await this.readModels.read((em) =>
      em.findOne(ActionSnapshot, { actionId, recordedThrough: { $lte: asOf } }, { orderBy: { version: 'desc' } }),
    );
    const start = snapshot
      ? { state: snapshot.state, version: snapshot.version }
      : { state: actionDecider.initialState(), version: 0 };
    return loadStateFrom(this.store, stream, actionDecider, start, asOf);
  }
}
