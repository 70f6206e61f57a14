import { type Decider, DomainConflict, type DomainEvent } from '@due-regard/shared-kernel';

/** One stream's head when a checkpoint was taken: its version and the hash of its last event. */
export type CheckpointHead = {
  readonly streamId: string;
  readonly version: number;
  readonly hash: string;
};

/**
 * A council's signed checkpoint: its stream heads at an instant, chained to the checkpoint before
 * (its digest), the digest signed with the platform's Ed25519 key, which lives outside the database.
 */
export type SignedCheckpoint = {
  readonly format: 'due-regard/audit-checkpoint@1';
  readonly tenantId: string;
  /** 1 for a council's first checkpoint. */
  readonly sequence: number;
  readonly takenAt: string;
  /** The previous checkpoint's digest; 64 zeros for the first. */
  readonly previousDigest: string;
  readonly heads: readonly CheckpointHead[];
  /** Hex SHA-256 of the canonical JSON of everything above. */
  readonly digest: string;
  readonly keyId: string;
  /** Base64 Ed25519 signature over the digest's 32 bytes. */
  readonly signature: string;
};

export const FIRST_PREVIOUS_DIGEST = '0'.repeat(64);

export type CheckpointTaken = DomainEvent<'CheckpointTaken', { readonly checkpoint: SignedCheckpoint }>;
export type CheckpointChainEvent = CheckpointTaken;

export interface TakeCheckpoint {
  readonly type: 'TakeCheckpoint';
  readonly checkpoint: SignedCheckpoint;
}

export interface CheckpointChainState {
  /** How many checkpoints the chain holds (the last one's sequence). */
  readonly sequence: number;
  readonly lastDigest: string;
}

/**
 * A council's chain of checkpoints: each one names the one before, so a checkpoint cannot be
 * dropped from the middle or taken out of turn without its successor's signature failing.
 */
export const checkpointChainDecider: Decider<TakeCheckpoint, CheckpointChainEvent, CheckpointChainState> = {
  eventTypes: ['CheckpointTaken'],
  initialState: () => ({ sequence: 0, lastDigest: FIRST_PREVIOUS_DIGEST }),
  decide(command, state) {
    const { checkpoint } = command;
    if (checkpoint.sequence !== state.sequence + 1 || checkpoint.previousDigest !== state.lastDigest) {
      throw new DomainConflict(
        `Checkpoint ${checkpoint.sequence} does not follow checkpoint ${state.sequence} (${state.lastDigest})`,
        'checkpoint_out_of_turn',
      );
    }
    return [{ type: 'CheckpointTaken', data: { checkpoint } }];
  },
  evolve(_state, event) {
    return { sequence: event.data.checkpoint.sequence, lastDigest: event.data.checkpoint.digest };
  },
};
