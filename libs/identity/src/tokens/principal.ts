import { COUNCIL_ROLES, FORUM_ROLES, PLATFORM_ADMIN, type CouncilRole, type ForumRole } from '../access/roles.js';

/** A verified signed-in user, as the access token describes them. */
export interface Principal {
  /** The identity provider's `sub`: pseudonymous, the only identity that goes into events. */
  readonly subject: string;
  readonly username: string;
  readonly displayName: string;
  readonly clientId: string;
  readonly groups: readonly string[];
  readonly realmRoles: readonly string[];
}

export function councilRolesOf(principal: Principal, councilSlug: string): CouncilRole[] {
  return rolesUnder(principal, `/councils/${councilSlug}/`, COUNCIL_ROLES);
}

export function forumRolesOf(principal: Principal, forumSlug: string): ForumRole[] {
  return rolesUnder(principal, `/forums/${forumSlug}/`, FORUM_ROLES);
}

export function isPlatformAdmin(principal: Principal): boolean {
  return principal.realmRoles.includes(PLATFORM_ADMIN);
}

function rolesUnder<Role extends string>(principal: Principal, prefix: string, known: readonly Role[]): Role[] {
  return principal.groups
    .filter((group) => group.startsWith(prefix))
    .map((group) => group.slice(prefix.length))
    .filter((role): role is Role => (known as readonly string[]).includes(role));
}

/** The platform itself, acting on its own account (demo data, scheduled jobs). */
export const SYSTEM_PRINCIPAL: Principal = {
  subject: 'system:due-regard',
  username: 'due-regard',
  displayName: 'Due Regard',
  clientId: 'due-regard',
  groups: [],
  realmRoles: [],
};
