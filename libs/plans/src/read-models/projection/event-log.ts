import type pg from 'pg';
import { parsePosition, type GlobalPosition } from '@due-regard/event-store';

/** Where the PostgreSQL event store keeps its tables (PostgresEventStore's default schema). */
export const EVENT_STORE_SCHEMA = 'event_store';

/**
 * What the read side asks of the PostgreSQL event log beyond the EventStore port: where a council's
 * newest event stands, how many it has, and where a subscription's checkpoint is. Subscription
 * checkpoints live in PostgreSQL whichever event store feeds them; the council questions need the
 * PostgreSQL event store (`available` is false with another backend).
 */
export class PostgresEventLog {
  constructor(
    private readonly pool: pg.Pool,
    readonly available: boolean,
  ) {}

  /** The council's newest event of these types (its id and position), or null when it has none. */
  async councilHead(
    tenantId: string,
    eventTypes: readonly string[],
  ): Promise<{ readonly eventId: string; readonly position: GlobalPosition } | null> {
    if (!this.available) return null;
    const { rows } = await this.pool.query<{ commit: string; prepare: string; event_id: string }>(
      `SELECT transaction_id::text AS commit, global_position::text AS prepare, event_id::text
         FROM ${EVENT_STORE_SCHEMA}.events
        WHERE tenant_id = $1 AND type = ANY($2::text[])
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      [tenantId, eventTypes],
    );
    const row = rows[0];
    return row
      ? { eventId: row.event_id, position: { commit: BigInt(row.commit), prepare: BigInt(row.prepare) } }
      : null;
  }

  async countCouncilEvents(tenantId: string, eventTypes: readonly string[]): Promise<number | null> {
    if (!this.available) return null;
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM ${EVENT_STORE_SCHEMA}.events WHERE tenant_id = $1 AND type = ANY($2::text[])`,
      [tenantId, eventTypes],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** The stored checkpoint of a subscription, or null before its first batch. */
  async checkpoint(subscriptionName: string): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT commit_position::text || '/' || prepare_position::text AS position
         FROM ${EVENT_STORE_SCHEMA}.subscription_checkpoints WHERE subscription_name = $1`,
      [subscriptionName],
    );
    const row = rows[0];
    return row ? parsePosition(row.position) : null;
  }
}
