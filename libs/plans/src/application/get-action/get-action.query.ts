import { Query } from '@nestjs/cqrs';
import type { ActionDetail } from './get-action.view.js';

/** An action of a plan, read from its stream: as it is, or as it stood at `asOf`. */
export class GetActionQuery extends Query<ActionDetail> {
  constructor(
    readonly planId: string,
    readonly actionId: string,
    readonly asOf: Date | null = null,
  ) {
    super();
  }
}
