import type { CouncilRole } from '@due-regard/identity';

/**
 * Who may do what to a council itself, in the shape of the plans policy: read it with its settings,
 * change its settings. Read by the API's route guards (`rolesFor`) and by the web pages (`mayDo`).
 * Registering a council is the platform's, not a council role's (`@PlatformAccess()`).
 *
 * Pure: no framework, no I/O.
 */
type Roles = readonly [CouncilRole, ...CouncilRole[]];

/** The table: who may do what, by role. */
const WHO_MAY = {
  readCouncil: ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'],
  changeCouncilSettings: ['council-admin'],
} as const satisfies Readonly<Record<string, Roles>>;

export type CouncilsCapability = keyof typeof WHO_MAY;

export const COUNCILS_CAPABILITIES = Object.keys(WHO_MAY) as readonly CouncilsCapability[];

/** The roles that may, at all: what an API route or a web form requires. */
export function rolesFor(capability: CouncilsCapability): Roles {
  return WHO_MAY[capability];
}

/** Whether someone with these roles in the council may do this: what the web pages offer. */
export function mayDo(person: { readonly roles: readonly CouncilRole[] }, capability: CouncilsCapability): boolean {
  const roles: Roles = WHO_MAY[capability];
  return person.roles.some((role) => roles.includes(role));
}
