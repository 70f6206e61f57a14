import { Injectable } from '@nestjs/common';
import { comparePositions } from '@due-regard/event-store';
import { PROJECTED_EVENT_TYPES } from '../projection/council-read-model.js';
import { PLANS_READ_MODEL_SUBSCRIPTION } from '../projection/plans-projection.js';
import { PlansReadModelDatabase } from '../read-model-database.js';

/**
 * `current`: the projection has passed the council's newest event, so the read model shows every
 * change committed before the request. `stale`: it had not within the wait. `unverified`: the
 * event store is not the PostgreSQL one, whose log this check reads.
 */
export type Freshness = 'current' | 'stale' | 'unverified';

export const READ_YOUR_WRITES_WAIT_MS = 2000;

/**
 * Read-your-writes without client state: before a read-model answer, wait (bounded) until the
 * projection's stored checkpoint has passed the council's newest projected event. A command's
 * events are committed before its response leaves, so a GET sent after it sees them.
 */
@Injectable()
export class ReadYourWrites {
  constructor(private readonly database: PlansReadModelDatabase) {}

  async awaitProjection(tenantId: string, waitMs = READ_YOUR_WRITES_WAIT_MS): Promise<Freshness> {
    const { log } = this.database;
    if (!log.available) return 'unverified';
    const head = await log.councilHead(tenantId, PROJECTED_EVENT_TYPES);
    if (head === null) return 'current';
    const deadline = performance.now() + waitMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 25)) {
      const checkpoint = await log.checkpoint(PLANS_READ_MODEL_SUBSCRIPTION);
      if (checkpoint !== null && comparePositions(checkpoint, head.position) >= 0) return 'current';
      const left = deadline - performance.now();
      if (left <= 0) return 'stale';
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}
