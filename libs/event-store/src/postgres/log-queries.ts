import type { EventFilter } from '../event-store.port.js';

/** A statement and its parameters, as `pg` takes them. */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** The newest event's id and position, as the queries below name them. */
export interface NewestEventRow {
  event_id: string;
  transaction_id: string;
  global_position: string;
}

/**
 * The newest event a filter selects, through an index walked backwards: the tenant's (the types,
 * if any, checked on the way), the newest of each type (through the types' index), or the primary
 * key. Never called with an empty list of types (it selects nothing: the store answers without a
 * query).
 */
export function newestEventQuery(schema: string, filter: EventFilter): SqlQuery {
  const columns = (alias: string): string =>
    `${alias}.event_id::text AS event_id, ${alias}.transaction_id::text AS transaction_id, ${alias}.global_position::text AS global_position`;
  if (filter.tenantId !== undefined) {
    const values: unknown[] = [filter.tenantId];
    let types = '';
    if (filter.eventTypes !== undefined) {
      values.push(filter.eventTypes);
      types = ' AND e.type = ANY($2::text[])';
    }
    // Ordered by the tenant index's own columns (the tenant being fixed) so that the planner walks it.
    return {
      text: `SELECT ${columns('e')} FROM ${schema}.events e WHERE e.tenant_id = $1${types}
              ORDER BY e.tenant_id DESC, e.transaction_id DESC, e.global_position DESC LIMIT 1`,
      values,
    };
  }
  if (filter.eventTypes !== undefined) {
    // One branch per type, each planned with its type's statistics: a rare type is found through
    // the types' index, a common one as soon as a backward walk meets it.
    const eventTypes = [...new Set(filter.eventTypes)];
    const newestOfEachType = eventTypes.map(
      (_, index) =>
        `(SELECT e.event_id, e.transaction_id, e.global_position FROM ${schema}.events e WHERE e.type = $${index + 1}
           ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1)`,
    );
    return {
      text: `SELECT ${columns('newest')} FROM (${newestOfEachType.join(' UNION ALL ')}) newest
              ORDER BY newest.transaction_id DESC, newest.global_position DESC LIMIT 1`,
      values: eventTypes,
    };
  }
  return {
    text: `SELECT ${columns('e')} FROM ${schema}.events e ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
    values: [],
  };
}

/**
 * How many events a filter selects, through the tenant's index when it names a tenant and the
 * types' index when it names types only; without either, the whole table is counted. Never called
 * with an empty list of types.
 */
export function countEventsQuery(schema: string, filter: EventFilter): SqlQuery {
  const values: unknown[] = [];
  const conditions: string[] = [];
  if (filter.tenantId !== undefined) {
    values.push(filter.tenantId);
    conditions.push(`e.tenant_id = $${values.length}`);
  }
  if (filter.eventTypes !== undefined) {
    values.push(filter.eventTypes);
    conditions.push(`e.type = ANY($${values.length}::text[])`);
  }
  const where = conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
  return { text: `SELECT count(*)::text AS count FROM ${schema}.events e${where}`, values };
}
