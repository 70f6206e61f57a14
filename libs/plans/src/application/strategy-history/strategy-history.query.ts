import { Query } from '@nestjs/cqrs';
import type { StrategyHistory } from './strategy-history.view.js';

/** Every event of a strategy's stream (its lifecycle, its objectives added, reworded, reclassified, retired), each with a summary. */
export class GetStrategyHistoryQuery extends Query<StrategyHistory> {
  constructor(readonly strategyId: string) {
    super();
  }
}
