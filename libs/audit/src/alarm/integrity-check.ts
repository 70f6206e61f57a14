import { Injectable } from '@nestjs/common';
import { CommandRunner } from '@due-regard/commands';
import { RequestContext } from '@due-regard/identity';
import { integrityAlarmDecider } from '../domain/integrity-alarm.js';
import { auditStreams } from '../integrity/audit-streams.js';
import { IntegrityVerifier, type CouncilVerification } from '../integrity/integrity-verifier.js';

/**
 * Verifies the context's council and records the outcome in its alarm stream (outside every stream
 * that may be broken): new breaks raise the alarm (`IntegrityBreakDetected`), a clean verification
 * after a break lowers it, anything else records nothing.
 */
@Injectable()
export class IntegrityCheck {
  constructor(
    private readonly verifier: IntegrityVerifier,
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
  ) {}

  async run(at: Date): Promise<CouncilVerification> {
    const council = this.context.councilSlug();
    const verification = await this.verifier.verify(council);
    const stream = auditStreams.alarm(council);
    await this.runner.run(async (session) => {
      const { state } = await session.load(stream, integrityAlarmDecider);
      session.record(
        stream,
        integrityAlarmDecider.decide(
          { type: 'RecordVerification', at: at.toISOString(), breaks: verification.breaks },
          state,
        ),
      );
      return {};
    });
    return verification;
  }
}
