import { Command } from '@nestjs/cqrs';
import type { CommitmentEvidence, CommitmentStatus } from '../../domain/accreditation.js';
import type { JourneyChange } from '../shared/journeys.js';

export interface CommitmentUpdate extends CommitmentEvidence {
  readonly ref: string;
  readonly status: CommitmentStatus;
}

export interface JourneyPlan {
  /** Left out: the journey stays on its version. */
  readonly schemeVersion: string | undefined;
  /** Left out: unchanged; null: no target. */
  readonly targetLevel: number | null | undefined;
  readonly commitments: readonly CommitmentUpdate[];
}

/** Starts (if need be) and updates the council's journey on a scheme; `ifMatch` is the journey's version. */
export class PlanJourneyCommand extends Command<JourneyChange> {
  constructor(
    readonly scheme: string,
    readonly plan: JourneyPlan,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}
