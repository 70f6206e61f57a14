import type { IntegrityBreak } from '../../domain/integrity-alarm.js';
import type { CouncilVerification } from '../../integrity/integrity-verifier.js';

/** What `GET /api/v1/audit/verify` and `audit:verify` answer. */
export interface VerificationView {
  readonly valid: boolean;
  readonly streams: number;
  readonly events: number;
  readonly checkpoints: number;
  /** The first broken link first: stream, version, reason (the kind of break) and detail (expected, found). */
  readonly breaks: readonly IntegrityBreak[];
}

export function verificationView(verification: CouncilVerification): VerificationView {
  const { valid, streams, events, checkpoints, breaks } = verification;
  return { valid, streams, events, checkpoints, breaks };
}

/** One line naming a break, for the CLI and logs. */
export function describeBreak(found: IntegrityBreak): string {
  return `${found.stream} at version ${found.version}: ${found.reason} (${found.detail})`;
}
