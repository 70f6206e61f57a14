import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { actionDecider } from '../../domain/action.js';
import { parseDue } from '../../domain/due.js';
import { CouncilDueSettings } from '../shared/council-due-settings.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { AddActionCommand } from './add-action.command.js';
import type { ActionAddedResult } from './add-action.view.js';

@CommandHandler(AddActionCommand)
export class AddActionHandler implements ICommandHandler<AddActionCommand, ActionAddedResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly settings: CouncilDueSettings,
  ) {}

  async execute({ planId, action, ifMatch }: AddActionCommand): Promise<ActionAddedResult> {
    const actionId = this.writer.newId();
    const quarterConvention =
      action.quarterConvention ?? (await this.settings.quarterConvention(this.writer.councilSlug()));
    const due = parseDue(action.due, { quarterConvention });
    return this.writer.run(async (session) => {
      const planStream = this.writer.planStream(planId);
      const plan = await this.writer.plan(session, planId, ifMatch);
      const activeObjectiveIds = await this.writer.activeObjectiveIds(session, plan.state.strategyId);

      // Both decided before anything is appended: an action the rules refuse reserves no reference.
      const added = actionDecider.decide(
        {
          type: 'AddAction',
          actionId,
          planId,
          planStatus: plan.state.status,
          ref: action.ref,
          objectiveId: action.objectiveId,
          activeObjectiveIds,
          title: action.title,
          description: action.description,
          due,
          successMeasures: action.successMeasures,
          leads: action.leads,
          protectedCharacteristics: action.protectedCharacteristics,
        },
        actionDecider.initialState(),
      );
      const registered = actionPlanDecider.decide(
        { type: 'RegisterAction', planId, actionId, ref: action.ref },
        plan.state,
      );

      // One append: the plan's reservation of the ref and the new action (whose stream must not
      // exist yet), caused by that reservation.
      const planVersion = session.record(planStream, registered);
      const version = session.record(this.writer.actionStream(actionId), added, session.lastEventId(planStream));
      return { id: actionId, planId, version, planVersion, due };
    });
  }
}
