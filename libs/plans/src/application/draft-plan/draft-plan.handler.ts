import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { DraftPlanCommand } from './draft-plan.command.js';
import type { PlanDraftedResult } from './draft-plan.view.js';

@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler implements ICommandHandler<DraftPlanCommand, PlanDraftedResult> {
  constructor(private readonly writer: PlanWriter) {}

  async execute({ strategyId, title, period }: DraftPlanCommand): Promise<PlanDraftedResult> {
    const planId = this.writer.newId();
    return this.writer.run(async (session) => {
      const strategy = await this.writer.strategy(session, strategyId);
      if (strategy === null) {
        throw new DomainRuleViolation('There is no such strategy in this council', 'unknown_strategy', 'strategyId');
      }
      const { status, period: strategyPeriod } = strategy.state;
      const version = await this.writer.change(
        session,
        this.writer.planStream(planId),
        actionPlanDecider,
        undefined,
        (state) =>
          actionPlanDecider.decide(
            {
              type: 'DraftActionPlan',
              planId,
              strategy: { strategyId, status, period: strategyPeriod },
              title,
              period,
            },
            state,
          ),
      );
      return { id: planId, strategyId, version };
    });
  }
}
