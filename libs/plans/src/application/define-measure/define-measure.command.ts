import { Command } from '@nestjs/cqrs';
import type { MeasureBaseline, MeasureTargetRequest } from '../../domain/measure.js';
import type { CommandResult } from '../shared/command-result.js';

/** What a measure is on, as a client names it: the service finds the action's plan. */
export type MeasureSubjectRequest =
  { readonly actionId: string } | { readonly objectiveId: string; readonly strategyId: string };

export interface NewMeasure {
  readonly subject: MeasureSubjectRequest;
  readonly title: string;
  readonly unit: string;
  readonly direction: string;
  readonly baseline: MeasureBaseline | null;
  readonly target: MeasureTargetRequest | null;
}

/** Defines a measure (a KPI) on an action or an objective, in a stream of its own. */
export class DefineMeasureCommand extends Command<CommandResult> {
  constructor(readonly measure: NewMeasure) {
    super();
  }
}
