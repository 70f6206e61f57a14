import type { JsonValue } from '@due-regard/shared-kernel';

/** One field an event changed: its value before (null when it had none) and after. */
export interface FieldChange {
  readonly field: string;
  readonly old: JsonValue | null;
  readonly new: JsonValue | null;
}

/** One event of a change. */
export interface ChangedStream {
  readonly stream: string;
  readonly version: number;
  readonly type: string;
  readonly eventId: string;
  readonly hash: string;
  readonly changes: readonly FieldChange[];
}

/** One change: everything one command recorded (one correlation), on however many streams. */
export interface AuditLogEntry {
  readonly correlationId: string;
  readonly causationIds: readonly string[];
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly name: string };
  readonly source: string;
  /** The reason given with the change, when the change carries one (a reason, a narrative). */
  readonly why: string | null;
  readonly events: readonly ChangedStream[];
}

export interface AuditLogPage {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly entries: readonly AuditLogEntry[];
}
