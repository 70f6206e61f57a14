import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import type { JourneyCommand } from '../../domain/accreditation.js';
import type { SchemeVersion } from '../../domain/scheme.js';
import { Journeys, type JourneyChange } from '../shared/journeys.js';
import { PlanJourneyCommand } from './plan-journey.command.js';

@CommandHandler(PlanJourneyCommand)
export class PlanJourneyHandler implements ICommandHandler<PlanJourneyCommand, JourneyChange> {
  constructor(private readonly journeys: Journeys) {}

  async execute({ scheme: key, plan, ifMatch }: PlanJourneyCommand): Promise<JourneyChange> {
    const { position: _position, ...change } = await this.journeys.change(
      key,
      ifMatch,
      async (state, current, session) => {
        const commands: JourneyCommand[] = [];
        if (state.status === 'none') commands.push({ type: 'StartJourney', scheme: current });
        let scheme: SchemeVersion = current;
        if (plan.schemeVersion !== undefined && plan.schemeVersion !== current.version) {
          const moved = this.journeys.catalogue.version(key, plan.schemeVersion);
          if (moved === undefined) {
            const known = this.journeys.scheme(key).versions.map((version) => version.version);
            throw new DomainRuleViolation(
              `${current.schemeName} has no version "${plan.schemeVersion}": it has ${known.join(', ')}`,
              'unknown_scheme_version',
              'schemeVersion',
            );
          }
          commands.push({ type: 'MoveToSchemeVersion', scheme: moved });
          scheme = moved;
        }
        if (plan.targetLevel !== undefined) commands.push({ type: 'SetTargetLevel', scheme, level: plan.targetLevel });
        for (const [index, commitment] of plan.commitments.entries()) {
          for (const [at, actionId] of commitment.actionIds.entries()) {
            if ((await this.journeys.action(session, actionId)) === null) {
              throw new DomainRuleViolation(
                `The council has no action ${actionId} to link as evidence`,
                'unknown_action',
                `commitments.${index}.actionIds.${at}`,
              );
            }
          }
          commands.push({
            type: 'RecordCommitmentStatus',
            scheme,
            ref: commitment.ref,
            status: commitment.status,
            evidence: { actionIds: commitment.actionIds, links: commitment.links },
          });
        }
        return commands;
      },
    );
    return change;
  }
}
