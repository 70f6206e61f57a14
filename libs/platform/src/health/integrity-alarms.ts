/** A council whose log failed verification, with the streams that broke (the audit context raises these). */
export interface IntegrityAlarm {
  readonly council: string;
  readonly since: string | null;
  readonly streams: readonly string[];
}

/**
 * The port through which /health learns of integrity alarms without depending on the audit
 * context: when a module provides it, a raised alarm makes health `degraded` for that council.
 */
export interface IntegrityAlarms {
  raised(): Promise<readonly IntegrityAlarm[]>;
}

export const INTEGRITY_ALARMS = Symbol('IntegrityAlarms');
