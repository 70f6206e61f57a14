import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { DraftPlanCommand, type PlanDraftedResult } from './draft-plan.command.js';

@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler implements ICommandHandler<DraftPlanCommand, PlanDraftedResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ strategyId, title, period }: DraftPlanCommand): Promise<PlanDraftedResult> {
    const strategy = await this.writer.strategy(strategyId);
    if (strategy === null) {
      throw new DomainRuleViolation('There is no such strategy in this council', 'unknown_strategy', 'strategyId');
    }
    const { status, period: strategyPeriod } = strategy.state;
    const planId = this.writer.newId();
    const written = await this.writer.change(this.writer.planStream(planId), actionPlanDecider, undefined, (state) =>
      actionPlanDecider.decide(
        { type: 'DraftActionPlan', planId, strategy: { strategyId, status, period: strategyPeriod }, title, period },
        state,
      ),
    );
    return { id: planId, strategyId, version: written.version, position: written.position };
  }
}
