import type { JsonObject } from '@due-regard/shared-kernel';

export type { JsonObject, JsonPrimitive, JsonValue } from '@due-regard/shared-kernel';

export const EVENT_SOURCES = ['ui', 'api', 'import', 'job', 'system'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Who did what, for whom, and why: carried by every event, never taken from a request body. */
export interface EventMetadata {
  /** Council slug, or `platform` for events outside any council. */
  readonly tenantId: string;
  /** Pseudonymous subject id of the actor (an identity-provider `sub`), never a name. */
  readonly actorId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** ISO 8601 instant at which the change happened in the world. */
  readonly occurredAt: string;
  readonly source: EventSource;
  /** Anything else worth keeping with the change (e.g. an imported document's SHA-256). */
  readonly extra?: JsonObject;
}

export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** Defaults to 1. */
  readonly schemaVersion?: number;
  /** UUIDv7; generated when absent. */
  readonly id?: string;
}

/**
 * A position in the global log. Ordered by `commit`, then `prepare`.
 * PostgreSQL: commit = the appending transaction's id (xid8), prepare = the row's sequence number.
 * KurrentDB: its own commit and prepare positions.
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface RecordedEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly streamId: string;
  /** 1 for a stream's first event. */
  readonly streamVersion: number;
  readonly globalPosition: GlobalPosition;
  readonly recordedAt: Date;
  /** Hex SHA-256 of the previous event's hash and this event's canonical JSON. */
  readonly hash: string;
}
