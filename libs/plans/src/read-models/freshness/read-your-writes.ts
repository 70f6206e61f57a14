import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { PROJECTED_EVENT_TYPES } from '../projection/council-read-model.js';
import { PLANS_READ_MODEL_SUBSCRIPTION } from '../projection/plans-projection.js';
import { PlansReadModelDatabase } from '../read-model-database.js';

/**
 * `current`: the projection has passed the council's newest event, so the read model shows every
 * change committed before the request. `stale`: it had not within the wait.
 */
export type Freshness = 'current' | 'stale';

export const READ_YOUR_WRITES_WAIT_MS = 2000;

/**
 * Read-your-writes without client state: before a read-model answer, wait (bounded) until the
 * projection's stored checkpoint has passed the council's newest projected event. A command's
 * events are committed before its response leaves, so a GET sent after it sees them.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly database: PlansReadModelDatabase,
  ) {}

  async awaitProjection(tenantId: string, waitMs = READ_YOUR_WRITES_WAIT_MS): Promise<Freshness> {
    const head = await this.store.newestEvent({ tenantId, eventTypes: PROJECTED_EVENT_TYPES });
    if (head === null) return 'current';
    const checkpoints = await this.database.checkpoints();
    const deadline = performance.now() + waitMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 25)) {
      const checkpoint = await checkpoints.load(PLANS_READ_MODEL_SUBSCRIPTION);
      if (comparePositions(checkpoint, head.globalPosition) >= 0) return 'current';
      const left = deadline - performance.now();
      if (left <= 0) return 'stale';
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}
