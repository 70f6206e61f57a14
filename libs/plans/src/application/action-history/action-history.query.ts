import { Query } from '@nestjs/cqrs';
import type { ActionHistory } from './action-history.view.js';

/** Every event of an action's stream, each with a summary of what it changed. */
export class GetActionHistoryQuery extends Query<ActionHistory> {
  constructor(
    readonly planId: string,
    readonly actionId: string,
  ) {
    super();
  }
}
