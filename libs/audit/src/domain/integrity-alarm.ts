import type { Decider, DomainEvent } from '@due-regard/shared-kernel';

/** A link of a council's log that no longer holds, as verification found it. */
export type IntegrityBreak = {
  readonly stream: string;
  readonly version: number;
  /** What kind of break: hash_mismatch, missing_event, head_mismatch, checkpoint_mismatch, checkpoint_signature, checkpoint_chain. */
  readonly reason: string;
  /** Expected and found, in words (hashes, versions). */
  readonly detail: string;
};

export type IntegrityBreakDetected = DomainEvent<
  'IntegrityBreakDetected',
  { readonly detectedAt: string; readonly breaks: readonly IntegrityBreak[] }
>;
/** Verification passed again after a break (the log was restored from a backup). */
export type IntegrityRestored = DomainEvent<'IntegrityRestored', { readonly verifiedAt: string }>;
export type IntegrityAlarmEvent = IntegrityBreakDetected | IntegrityRestored;

export interface RecordVerification {
  readonly type: 'RecordVerification';
  readonly at: string;
  readonly breaks: readonly IntegrityBreak[];
}

export interface IntegrityAlarmState {
  /** The breaks of the alarm that is raised now; empty when none is. */
  readonly breaks: readonly IntegrityBreak[];
  readonly since: string | null;
}

function sameBreaks(a: readonly IntegrityBreak[], b: readonly IntegrityBreak[]): boolean {
  const key = (breaks: readonly IntegrityBreak[]): string =>
    breaks.map((one) => `${one.stream}@${one.version}:${one.reason}`).join('|');
  return key(a) === key(b);
}

/**
 * A council's integrity alarm, kept in a stream of its own (never in a stream that may be the broken
 * one): a verification that finds new breaks raises it, one that finds none after a break lowers it,
 * and a verification that changes nothing records nothing.
 */
export const integrityAlarmDecider: Decider<RecordVerification, IntegrityAlarmEvent, IntegrityAlarmState> = {
  eventTypes: ['IntegrityBreakDetected', 'IntegrityRestored'],
  initialState: () => ({ breaks: [], since: null }),
  decide(command, state) {
    if (command.breaks.length > 0) {
      if (sameBreaks(command.breaks, state.breaks)) return [];
      return [{ type: 'IntegrityBreakDetected', data: { detectedAt: command.at, breaks: command.breaks } }];
    }
    return state.breaks.length > 0 ? [{ type: 'IntegrityRestored', data: { verifiedAt: command.at } }] : [];
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'IntegrityBreakDetected':
        return { breaks: event.data.breaks, since: event.data.detectedAt };
      case 'IntegrityRestored':
        return { breaks: [], since: null };
    }
  },
};
