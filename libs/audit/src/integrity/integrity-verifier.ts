import { Inject, Injectable } from '@nestjs/common';
import {
  CHECKPOINT_SIGNER,
  EVENT_STORE,
  type CheckpointSigner,
  type EventStore,
  type RecordedEvent,
} from '@due-regard/event-store';
import { FIRST_PREVIOUS_DIGEST, type CheckpointTaken, type SignedCheckpoint } from '../domain/checkpoint-chain.js';
import type { IntegrityBreak } from '../domain/integrity-alarm.js';
import { auditStreams } from './audit-streams.js';
import { checkpointDigest } from './checkpoint-format.js';

/** What verifying a council's log found. */
export interface CouncilVerification {
  readonly valid: boolean;
  /** Streams whose hash chain was walked. */
  readonly streams: number;
  /** Events re-hashed. */
  readonly events: number;
  /** Signed checkpoints the log was checked against. */
  readonly checkpoints: number;
  /** The first broken link of each stream that has one (stream order), then what the checkpoints found. */
  readonly breaks: readonly IntegrityBreak[];
}

function isCheckpointTaken(event: RecordedEvent): event is RecordedEvent<'CheckpointTaken', CheckpointTaken['data']> {
  return event.type === 'CheckpointTaken';
}

/**
 * Verifies a council's log: every stream's hash chain against its events and its recorded head
 * (the event store's `verifyTenant`), then the chain of signed checkpoints (each signature under
 * the platform's key, each naming the one before), then every head every checkpoint names against
 * the log as it is now. A chain recomputed after an edit passes the first step and fails the last.
 */
@Injectable()
export class IntegrityVerifier {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
  ) {}

  async verify(council: string): Promise<CouncilVerification> {
    const chains = await this.store.verifyTenant(council);
    const breaks: IntegrityBreak[] = chains.brokenLinks.map((link) => ({
      stream: link.streamId,
      version: link.streamVersion,
      reason: link.reason,
      detail: link.detail,
    }));
    const checkpoints = await this.checkpoints(council);
    breaks.push(...this.checkpointChainBreaks(council, checkpoints));
    breaks.push(...(await this.headBreaks(checkpoints.map(({ checkpoint }) => checkpoint))));
    return {
      valid: breaks.length === 0,
      streams: chains.streamsChecked,
      events: chains.eventsChecked,
      checkpoints: checkpoints.length,
      breaks,
    };
  }

  /** The council's checkpoints as stored, each with its version in the checkpoint stream. */
  async checkpoints(council: string): Promise<{ readonly version: number; readonly checkpoint: SignedCheckpoint }[]> {
    const events = await this.store.readStream(auditStreams.checkpoints(council), { asStored: true });
    return events.filter(isCheckpointTaken).map((event) => ({
      version: event.streamVersion,
      checkpoint: event.data.checkpoint,
    }));
  }

  /** Each checkpoint's digest, signature, council and place in the chain. */
  private checkpointChainBreaks(
    council: string,
    checkpoints: readonly { readonly version: number; readonly checkpoint: SignedCheckpoint }[],
  ): IntegrityBreak[] {
    const stream = auditStreams.checkpoints(council);
    const breaks: IntegrityBreak[] = [];
    let previousDigest = FIRST_PREVIOUS_DIGEST;
    checkpoints.forEach(({ version, checkpoint }, index) => {
      const broken = (reason: string, detail: string): void => {
        breaks.push({ stream, version, reason, detail });
      };
      const recomputed = checkpointDigest(checkpoint);
      if (checkpoint.tenantId !== council) {
        broken('checkpoint_chain', `checkpoint ${checkpoint.sequence} is ${checkpoint.tenantId}'s, not ${council}'s`);
      } else if (checkpoint.sequence !== index + 1 || checkpoint.previousDigest !== previousDigest) {
        broken(
          'checkpoint_chain',
          `expected checkpoint ${index + 1} after ${previousDigest}, found checkpoint ${checkpoint.sequence} after ${checkpoint.previousDigest}`,
        );
      } else if (recomputed !== checkpoint.digest) {
        broken(
          'checkpoint_digest',
          `checkpoint ${checkpoint.sequence} digests to ${recomputed}, recorded ${checkpoint.digest}`,
        );
      } else if (!this.signer.verifyDigest(checkpoint.digest, checkpoint.signature)) {
        broken(
          'checkpoint_signature',
          `checkpoint ${checkpoint.sequence}'s signature does not verify under key ${this.signer.keyId}`,
        );
      }
      previousDigest = checkpoint.digest;
    });
    return breaks.slice(0, 1);
  }

  /**
   * Every head of every checkpoint against the log: the event at that version must still be there
   * with that hash. One break per stream, at the earliest version a checkpoint no longer matches.
   */
  private async headBreaks(checkpoints: readonly SignedCheckpoint[]): Promise<IntegrityBreak[]> {
    const byStream = new Map<string, { version: number; hash: string; checkpoint: SignedCheckpoint }[]>();
    for (const checkpoint of checkpoints) {
      for (const head of checkpoint.heads) {
        const heads = byStream.get(head.streamId) ?? [];
        heads.push({ version: head.version, hash: head.hash, checkpoint });
        byStream.set(head.streamId, heads);
      }
    }
    const breaks: IntegrityBreak[] = [];
    for (const [stream, heads] of [...byStream].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const highest = Math.max(...heads.map((head) => head.version));
      const events = await this.store.readStream(stream, { toVersion: highest, asStored: true });
      const hashes = new Map(events.map((event) => [event.streamVersion, event.hash]));
      const mismatch = heads
        .filter((head) => hashes.get(head.version) !== head.hash)
        .sort((a, b) => a.version - b.version)[0];
      if (mismatch) {
        const found = hashes.get(mismatch.version);
        breaks.push({
          stream,
          version: mismatch.version,
          reason: 'checkpoint_mismatch',
          detail:
            `checkpoint ${mismatch.checkpoint.sequence} (${mismatch.checkpoint.takenAt}) expected ${mismatch.hash} at version ${mismatch.version}, ` +
            (found === undefined ? 'found no event there' : `found ${found}`),
        });
      }
    }
    return breaks;
  }
}
