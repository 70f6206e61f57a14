import type { CouncilRole } from '@due-regard/identity';
import { sameTeam } from '@due-regard/plans';

const EDITING_ROLES: readonly CouncilRole[] = ['council-admin', 'plan-editor'];

/** What someone may do to one action: which of the action page's links they see. */
export interface ActionPermissions {
  /** Record progress and revise the due: editors, and action leads on their own teams' actions. */
  readonly report: boolean;
  /** Reword, reassign, move: editors only. */
  readonly edit: boolean;
}

/**
 * The API's rules (ActionReportingPolicy, and the routes' @CouncilAccess) for one person and one
 * action: plan editors and council admins may do everything; an action lead may report on the
 * actions one of their teams leads; viewers and auditors read.
 */
export function actionPermissions(
  roles: readonly CouncilRole[],
  teams: readonly string[],
  leads: readonly string[],
): ActionPermissions {
  const editor = roles.some((role) => EDITING_ROLES.includes(role));
  const leadsIt = roles.includes('action-lead') && leads.some((lead) => teams.some((team) => sameTeam(lead, team)));
  return { report: editor || leadsIt, edit: editor };
}
