import type { CouncilRole, ForumRole } from '@due-regard/identity';

/**
 * Who may do what with a forum. A forum is reached two ways: on the bare domain by the people of
 * the forum (its coordinators and members, `/forums/<slug>/<role>` groups), and on a council's
 * sub-domain by the people of that council. Creating a forum is the platform's
 * (`@PlatformAccess()`, a platform-admin), not a role of either. Read by the API's route guards,
 * the web pages (which links and forms to offer) and the tests.
 *
 * Pure: no framework, no I/O.
 */
type ForumRoles = readonly [ForumRole, ...ForumRole[]];
type CouncilRoles = readonly [CouncilRole, ...CouncilRole[]];

/** What the people of a forum may do, on the bare domain. */
const FORUM_PEOPLE_MAY = {
  inviteCouncil: ['forum-coordinator'],
  changeComparisonSettings: ['forum-coordinator'],
  readComparison: ['forum-coordinator', 'forum-member'],
} as const satisfies Readonly<Record<string, ForumRoles>>;

/** What the people of a council may do about forums, on the council's sub-domain. */
const COUNCIL_PEOPLE_MAY = {
  /** See the forums that invited the council, and the council's memberships and scopes. */
  readInvitations: ['council-admin'],
  /** Accept an invitation with a scope, change the scope, decline, withdraw consent and leave. */
  answerInvitation: ['council-admin'],
  /** The comparison of a forum the council is a member of: to learn from its neighbours. */
  readComparison: ['council-admin', 'plan-editor', 'action-lead', 'viewer'],
} as const satisfies Readonly<Record<string, CouncilRoles>>;

export type ForumPeopleCapability = keyof typeof FORUM_PEOPLE_MAY;
export type CouncilPeopleCapability = keyof typeof COUNCIL_PEOPLE_MAY;

export const FORUM_PEOPLE_CAPABILITIES = Object.keys(FORUM_PEOPLE_MAY) as readonly ForumPeopleCapability[];
export const COUNCIL_PEOPLE_CAPABILITIES = Object.keys(COUNCIL_PEOPLE_MAY) as readonly CouncilPeopleCapability[];

/** The forum roles that may, at all: what a bare-domain route requires. */
export function forumRolesFor(capability: ForumPeopleCapability): ForumRoles {
  return FORUM_PEOPLE_MAY[capability];
}

/** The council roles that may, at all: what a council sub-domain route requires. */
export function councilRolesFor(capability: CouncilPeopleCapability): CouncilRoles {
  return COUNCIL_PEOPLE_MAY[capability];
}

/** Whether someone with these roles in the forum may do this: what the forum's pages offer. */
export function forumPersonMay(roles: readonly ForumRole[], capability: ForumPeopleCapability): boolean {
  const allowed: ForumRoles = FORUM_PEOPLE_MAY[capability];
  return roles.some((role) => allowed.includes(role));
}

/** Whether someone with these roles in their council may do this: what the council's pages offer. */
export function councilPersonMay(roles: readonly CouncilRole[], capability: CouncilPeopleCapability): boolean {
  const allowed: CouncilRoles = COUNCIL_PEOPLE_MAY[capability];
  return roles.some((role) => allowed.includes(role));
}
