import type pg from 'pg';
import type { GlobalPosition, RecordedEvent } from '../event.js';
import type { EventStore } from '../event-store.port.js';
import { comparePositions } from '../position.js';
import type { PostgresCheckpointStore } from './checkpoint-store.js';

export interface SubscriptionOptions {
  /** Durable name: the checkpoint is kept under it. */
  readonly name: string;
  readonly tenantId?: string;
  readonly eventTypes?: readonly string[];
  readonly batchSize?: number;
  /** Fallback when no notification arrives. */
  readonly pollIntervalMs?: number;
  /** Called with events in global order; writes made with `tx` commit together with the checkpoint. */
  readonly handle: (events: readonly RecordedEvent[], tx: pg.PoolClient) => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

export interface SubscriptionStatus {
  readonly name: string;
  readonly position: GlobalPosition;
  readonly caughtUp: boolean;
  readonly lastError: string | null;
}

/**
 * A durable catch-up subscription: every event after the stored checkpoint, in order, at least
 * once, and exactly once for effects written through the handler's transaction.
 */
export class CatchUpSubscription {
  private position: GlobalPosition | null = null;
  private committed: GlobalPosition | null = null;
  private caughtUp = false;
  private lastError: string | null = null;
  private running: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private woken = false;
  private wake: (() => void) | null = null;
  private readonly progressWaiters: { position: GlobalPosition; resolve: () => void }[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: PostgresCheckpointStore,
    private readonly options: SubscriptionOptions,
  ) {}

  start(): void {
    if (this.running) return;
    const unwatch = this.store.watchAppends(() => this.signal());
    this.running = this.loop().finally(unwatch);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.signal();
    await this.running;
  }

  status(): SubscriptionStatus {
    return {
      name: this.options.name,
      position: this.position ?? { commit: 0n, prepare: 0n },
      caughtUp: this.caughtUp,
      lastError: this.lastError,
    };
  }

  /** Resolves once the subscription has handled everything up to `position` (read-your-writes). */
  reached(position: GlobalPosition): Promise<void> {
    if (this.committed && comparePositions(this.committed, position) >= 0) return Promise.resolve();
    return new Promise((resolve) => this.progressWaiters.push({ position, resolve }));
  }

  private signal(): void {
    this.woken = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const pollIntervalMs = this.options.pollIntervalMs ?? 250;
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        this.position ??= await this.checkpoints.load(this.options.name);
        this.committed ??= this.position;
        this.woken = false;
        const batch = await this.store.readAll({
          after: this.position,
          batchSize,
          ...(this.options.tenantId === undefined ? {} : { tenantId: this.options.tenantId }),
          ...(this.options.eventTypes === undefined ? {} : { eventTypes: this.options.eventTypes }),
        });
        if (batch.events.length > 0) {
          const from = this.committed;
          await this.checkpoints.advance(this.options.name, from, batch.position, (tx) =>
            this.options.handle(batch.events, tx),
          );
          this.committed = batch.position;
        }
        this.position = batch.position;
        this.caughtUp = batch.caughtUp;
        this.lastError = null;
        failures = 0;
        this.releaseWaiters(batch.caughtUp ? batch.position : this.committed);
        if (batch.caughtUp && !this.woken) await this.sleep(pollIntervalMs);
      } catch (error) {
        failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
        // Re-read from the committed checkpoint: the failed batch was rolled back.
        this.position = null;
        this.committed = null;
        await this.sleep(Math.min(30_000, 100 * 2 ** Math.min(failures, 9)));
      }
    }
  }

  private releaseWaiters(reached: GlobalPosition): void {
    for (let i = this.progressWaiters.length - 1; i >= 0; i -= 1) {
      const waiter = this.progressWaiters[i];
      if (waiter && comparePositions(reached, waiter.position) >= 0) {
        this.progressWaiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.abort.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
