import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionPlanDecider } from '../../domain/action-plan.js';
import { actionDecider } from '../../domain/action.js';
import { parseDue } from '../../domain/due.js';
import { CouncilDueSettings } from '../shared/council-due-settings.js';
import { PlanWriter } from '../shared/plan-writer.js';
import { appendDecided, assertIfMatch } from '../shared/write.js';
import { AddActionCommand, type ActionAddedResult } from './add-action.command.js';

@CommandHandler(AddActionCommand)
export class AddActionHandler implements ICommandHandler<AddActionCommand, ActionAddedResult> {
  constructor(
    private readonly writer: PlanWriter,
    private readonly settings: CouncilDueSettings,
  ) {}

  async execute({ planId, action, ifMatch }: AddActionCommand): Promise<ActionAddedResult> {
    const planStream = this.writer.planStream(planId);
    const plan = await this.writer.plan(planId);
    assertIfMatch(planStream, ifMatch, plan.version);
    const activeObjectiveIds = await this.writer.activeObjectiveIds(plan.state.strategyId);
    const actionId = this.writer.newId();
    const quarterConvention =
      action.quarterConvention ?? (await this.settings.quarterConvention(this.writer.councilSlug()));
    const due = parseDue(action.due, { quarterConvention });

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

    const planWritten = await appendDecided(
      this.writer.store,
      planStream,
      registered,
      this.writer.metadata(),
      plan.version,
    );
    const reservation = planWritten.events.at(-1)?.id ?? null;
    // Version 0: the action's stream must not exist yet.
    const actionWritten = await appendDecided(
      this.writer.store,
      this.writer.actionStream(actionId),
      added,
      this.writer.metadata(reservation),
      0,
    );
    return {
      id: actionId,
      planId,
      version: actionWritten.version,
      planVersion: planWritten.version,
      position: actionWritten.position,
      due,
    };
  }
}
