import type pg from 'pg';
import { parseStreamName, type RecordedEvent } from '@due-regard/event-store';
import { affectedIds, CouncilReadModel, PROJECTED_EVENT_TYPES } from './council-read-model.js';
import {
  actAsWriter,
  enterCouncil,
  loadCouncilRows,
  lockCouncils,
  stopActingAsWriter,
  upsertCouncilRows,
} from './read-model-sql.js';

/** The durable name of the subscription, and of its checkpoint. */
export const PLANS_READ_MODEL_SUBSCRIPTION = 'plans-read-model';

/**
 * How the projector runs the subscription. Appends wake it at once (in-process, or through NOTIFY);
 * the short poll bounds the wait when an event committed but stayed invisible behind an older
 * transaction still running (the gap-free read waits for it), which no append announces.
 */
export const PLANS_PROJECTION_SETTINGS = { batchSize: 1000, pollIntervalMs: 20 } as const;

/**
 * Applies a batch of events to the read models in the given transaction (the subscription's, in
 * which the checkpoint then moves): per council, load the rows the batch touches, fold the events
 * in, write what changed.
 */
export async function projectBatch(events: readonly RecordedEvent[], tx: pg.ClientBase): Promise<number> {
  const byCouncil = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!PROJECTED_EVENT_TYPES.includes(event.type)) continue;
    const { tenantId } = parseStreamName(event.streamId);
    const list = byCouncil.get(tenantId) ?? [];
    list.push(event);
    byCouncil.set(tenantId, list);
  }
  if (byCouncil.size === 0) return 0;
  let applied = 0;
  await actAsWriter(tx);
  await lockCouncils(tx, [...byCouncil.keys()], 'share');
  for (const [tenantId, councilEvents] of byCouncil) {
    await enterCouncil(tx, tenantId);
    const model = new CouncilReadModel(tenantId, await loadCouncilRows(tx, tenantId, affectedIds(councilEvents)));
    for (const event of councilEvents) if (model.apply(event)) applied += 1;
    await upsertCouncilRows(tx, model.changes());
  }
  await stopActingAsWriter(tx);
  return applied;
}
