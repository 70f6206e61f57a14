import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { EVENT_STORE, formatPosition, type EventStore, type GlobalPosition } from '@due-regard/event-store';
import { TenantRegistry } from '@due-regard/identity';
import { Metrics } from '@due-regard/platform';
import { PROJECTED_EVENT_TYPES } from '../projection/council-read-model.js';
import { PLANS_READ_MODEL_SUBSCRIPTION } from '../projection/plans-projection.js';
import { PlansReadModelDatabase } from '../read-model-database.js';

/** How far the plans projection is behind one council's events. */
export interface CouncilProjectionLag {
  readonly council: string;
  /** The projection's stored checkpoint (one for every council: the subscription reads the whole log). */
  readonly position: string;
  /** The council's projected-type events committed after the checkpoint. */
  readonly eventsBehind: number;
  /** How long ago the oldest of them was recorded; null when none waits. */
  readonly oldestUnprojectedSeconds: number | null;
}

/** What reading the council's events after the checkpoint found: how many, and the first one's time. */
export interface UnprojectedEvents {
  readonly count: number;
  readonly oldestRecordedAt: Date | null;
}

/** The lag from the checkpoint and the events after it, at `now`. Pure. */
export function projectionLag(
  council: string,
  checkpoint: GlobalPosition,
  unprojected: UnprojectedEvents,
  now: Date,
): CouncilProjectionLag {
  const oldest = unprojected.count === 0 ? null : unprojected.oldestRecordedAt;
  return {
    council,
    position: formatPosition(checkpoint),
    eventsBehind: unprojected.count,
    // A clock a little behind the database's would read as negative: it is no lag.
    oldestUnprojectedSeconds: oldest === null ? null : Math.max(0, (now.getTime() - oldest.getTime()) / 1000),
  };
}

const READ_BATCH = 1000;

/**
 * The plans projection's position and each council's lag, from the stored checkpoint (so any app
 * can answer, not only the projector that runs the subscription): the admin pages show it, and the
 * same figures are the `projection_position` and `projection_lag_*` gauges, read when scraped.
 */
@Injectable()
export class ProjectionLagQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly database: PlansReadModelDatabase,
    private readonly tenants: TenantRegistry,
    metrics: Metrics,
  ) {
    this.registerGauges(metrics);
  }

  async checkpoint(): Promise<GlobalPosition> {
    return (await this.database.checkpoints()).load(PLANS_READ_MODEL_SUBSCRIPTION);
  }

  /** Each council's lag behind one reading of the checkpoint, in the order given. */
  async ofCouncils(councils: readonly string[], now = new Date()): Promise<CouncilProjectionLag[]> {
    const checkpoint = await this.checkpoint();
    const lags: CouncilProjectionLag[] = [];
    for (const council of councils) {
      lags.push(projectionLag(council, checkpoint, await this.unprojected(council, checkpoint), now));
    }
    return lags;
  }

  /** The council's projected-type events after the checkpoint: counted in batches, only the first kept. */
  private async unprojected(tenantId: string, checkpoint: GlobalPosition): Promise<UnprojectedEvents> {
    let count = 0;
    let oldestRecordedAt: Date | null = null;
    for (let after = checkpoint; ;) {
      const batch = await this.store.readAll({
        after,
        batchSize: READ_BATCH,
        tenantId,
        eventTypes: PROJECTED_EVENT_TYPES,
      });
      oldestRecordedAt ??= batch.events[0]?.recordedAt ?? null;
      count += batch.events.length;
      after = batch.position;
      if (batch.caughtUp) return { count, oldestRecordedAt };
    }
  }

  private registerGauges(metrics: Metrics): void {
    // One scrape reads the figures once for the three gauges: each gauge's collect() asks for them,
    // and concurrent asks share the reading.
    let reading: Promise<{ checkpoint: GlobalPosition; lags: CouncilProjectionLag[] }> | null = null;
    const read = (): Promise<{ checkpoint: GlobalPosition; lags: CouncilProjectionLag[] }> => {
      reading ??= (async () => {
        const checkpoint = await this.checkpoint();
        return { checkpoint, lags: await this.ofCouncils(this.tenants.registeredSlugs()) };
      })().finally(() => {
        reading = null;
      });
      return reading;
    };
    new Gauge({
      name: 'projection_position',
      help: "The plans projection's stored checkpoint: the commit position (transaction id) it has projected up to.",
      labelNames: ['projection'] as const,
      registers: [metrics.registry],
      async collect() {
        const { checkpoint } = await read();
        this.set({ projection: PLANS_READ_MODEL_SUBSCRIPTION }, Number(checkpoint.commit));
      },
    });
    new Gauge({
      name: 'projection_lag_events',
      help: "Each council's events the plans projection has not yet projected.",
      labelNames: ['council'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const lag of (await read()).lags) this.set({ council: lag.council }, lag.eventsBehind);
      },
    });
    new Gauge({
      name: 'projection_lag_oldest_seconds',
      help: "How old each council's oldest event not yet projected is (0 when none waits).",
      labelNames: ['council'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const lag of (await read()).lags) this.set({ council: lag.council }, lag.oldestUnprojectedSeconds ?? 0);
      },
    });
  }
}
