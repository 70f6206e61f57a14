import { ForbiddenException, Injectable } from '@nestjs/common';
import { councilRolesOf, RequestContext, type Principal } from '@due-regard/identity';
import { tidy } from '../../domain/wording.js';
import { whyNotPermitted, type Person, type TeamCapability } from '../../policy/plans.policy.js';

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
function teamsOf(principal: Principal, councilSlug: string): string[] {
  const prefix = `/councils/${councilSlug}/teams/`;
  const names = principal.groups
    .filter((group) => group.startsWith(prefix))
    .flatMap((group) => group.slice(prefix.length).split('/'))
    .map(tidy)
    .filter((name) => name !== '');
  return [...new Set(names)];
}

/** A signed-in user as the plans policy sees them in one council: their roles there, and their teams. */
export function personOf(principal: Principal, councilSlug: string): Person {
  return { roles: councilRolesOf(principal, councilSlug), teams: teamsOf(principal, councilSlug) };
}

/**
 * The write side's check of the plans policy on one action, for the signed-in user: the route let
 * their role in, and an action lead may report (progress, due revisions, completion, deferral) only
 * on the actions one of their teams leads. A 403 otherwise.
 */
@Injectable()
export class ActionReportingPolicy {
  constructor(private readonly context: RequestContext) {}

  assertPermitted(capability: TeamCapability, action: { readonly leads: readonly string[] }): void {
    const person = personOf(this.context.principal(), this.context.councilSlug());
    const refusal = whyNotPermitted(person, capability, action);
    if (refusal !== null) throw new ForbiddenException(refusal);
  }
}
