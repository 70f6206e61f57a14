import { ForbiddenException, Injectable } from '@nestjs/common';
import { councilRolesOf, RequestContext, type CouncilRole, type Principal } from '@due-regard/identity';
import { tidy } from '../../domain/wording.js';

/**
 * Which teams a user works in, within one council.
 *
 * Teams are identity-provider groups under the council, next to its role groups:
 * `/councils/<slug>/teams/<team name>` (e.g. `/councils/charnwood/teams/Human Resources`). The
 * realm's group-membership mapper already puts every group path in the access token's `groups`
 * claim, so no new claim or mapper is needed, and a council admin changes a user's teams where
 * their roles are managed: in Keycloak, by adding or removing group memberships. A member of a
 * sub-group (`…/teams/Human Resources/Payroll`) works in both teams.
 *
 * Team groups grant no role: a user still needs `action-lead` (or an editing role) in the council.
 */
@Injectable()
export class TeamDirectory {
  teamsOf(principal: Principal, councilSlug: string): string[] {
    const prefix = `/councils/${councilSlug}/teams/`;
    const names = principal.groups
      .filter((group) => group.startsWith(prefix))
      .flatMap((group) => group.slice(prefix.length).split('/'))
      .map(tidy)
      .filter((name) => name !== '');
    return [...new Set(names)];
  }
}

/** Leads are teams as the plan writes them: compared without regard to case or spacing. */
export function sameTeam(a: string, b: string): boolean {
  return tidy(a).toLowerCase() === tidy(b).toLowerCase();
}

const EDITING_ROLES: readonly CouncilRole[] = ['council-admin', 'plan-editor'];

/**
 * Who may report on an action (progress, due revisions, completion): plan editors and council
 * admins on any action; an action lead only on the actions one of their teams leads.
 */
@Injectable()
export class ActionReportingPolicy {
  constructor(
    private readonly context: RequestContext,
    private readonly teams: TeamDirectory,
  ) {}

  assertMayReportOn(action: { readonly leads: readonly string[] }): void {
    const principal = this.context.principal();
    const councilSlug = this.context.councilSlug();
    const roles = councilRolesOf(principal, councilSlug);
    if (roles.some((role) => EDITING_ROLES.includes(role))) return;
    if (roles.includes('action-lead')) {
      const teams = this.teams.teamsOf(principal, councilSlug);
      if (action.leads.some((lead) => teams.some((team) => sameTeam(lead, team)))) return;
      throw new ForbiddenException('You can update only the actions your team leads');
    }
    throw new ForbiddenException('You do not have access to this');
  }
}
