import type { SignedCheckpoint } from '../../domain/checkpoint-chain.js';

/** What taking a checkpoint answers: the checkpoint itself, to keep. */
export interface CheckpointView {
  readonly sequence: number;
  readonly takenAt: string;
  readonly streams: number;
  readonly digest: string;
  readonly checkpoint: SignedCheckpoint;
}

export function checkpointView(checkpoint: SignedCheckpoint): CheckpointView {
  return {
    sequence: checkpoint.sequence,
    takenAt: checkpoint.takenAt,
    streams: checkpoint.heads.length,
    digest: checkpoint.digest,
    checkpoint,
  };
}
