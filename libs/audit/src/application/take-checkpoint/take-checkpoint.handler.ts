import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import { CHECKPOINT_SIGNER, EVENT_STORE, type CheckpointSigner, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CLOCK, DomainConflict, type Clock } from '@due-regard/shared-kernel';
import { checkpointChainDecider } from '../../domain/checkpoint-chain.js';
import { auditStreams } from '../../integrity/audit-streams.js';
import { signCheckpoint } from '../../integrity/checkpoint-format.js';
import { IntegrityVerifier } from '../../integrity/integrity-verifier.js';
import { describeBreak } from '../verify-integrity/verify-integrity.view.js';
import { TakeCheckpointCommand } from './take-checkpoint.command.js';
import { checkpointView, type CheckpointView } from './take-checkpoint.view.js';

/**
 * Verifies the council's log first (a checkpoint never seals a log that is already broken), then
 * signs its stream heads, chained to the last checkpoint, and appends the checkpoint to the
 * council's checkpoint stream through the one write path.
 */
@CommandHandler(TakeCheckpointCommand)
export class TakeCheckpointHandler implements ICommandHandler<TakeCheckpointCommand, CheckpointView> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
    private readonly verifier: IntegrityVerifier,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<CheckpointView> {
    const council = this.context.councilSlug();
    const verification = await this.verifier.verify(council);
    const firstBreak = verification.breaks[0];
    if (firstBreak) {
      throw new DomainConflict(
        `The log does not verify, so no checkpoint is taken: ${describeBreak(firstBreak)}`,
        'log_does_not_verify',
      );
    }
    const chainStream = auditStreams.checkpoints(council);
    const heads = (await this.store.exportTenantCheckpoint(council)).heads
      .filter((head) => head.streamId !== chainStream)
      .map(({ streamId, version, hash }) => ({ streamId, version, hash }));
    return this.runner.run(async (session) => {
      const { state } = await session.load(chainStream, checkpointChainDecider);
      const checkpoint = signCheckpoint(this.signer, {
        tenantId: council,
        sequence: state.sequence + 1,
        takenAt: this.clock.now(),
        previousDigest: state.lastDigest,
        heads,
      });
      session.record(chainStream, checkpointChainDecider.decide({ type: 'TakeCheckpoint', checkpoint }, state));
      return checkpointView(checkpoint);
    });
  }
}
