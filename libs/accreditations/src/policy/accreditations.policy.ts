import type { CouncilRole } from '@due-regard/identity';

/**
 * Who may do what on a council's accreditations, in the shape of the plans and councils policies:
 * every council role reads them; administrators and plan editors record the journey (target level,
 * commitments and evidence, moving to a new version of a scheme), awards and withdrawals. The daily
 * sweep of renewals and lapses is the platform's job, not a role's. Read by the API's route guards
 * (`rolesFor`) and by the web pages (`mayDo`).
 *
 * Pure: no framework, no I/O.
 */
type Roles = readonly [CouncilRole, ...CouncilRole[]];

/** The table: who may do what, by role. */
const WHO_MAY = {
  readAccreditations: ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'],
  planAccreditation: ['council-admin', 'plan-editor'],
  recordAward: ['council-admin', 'plan-editor'],
  withdrawAccreditation: ['council-admin', 'plan-editor'],
} as const satisfies Readonly<Record<string, Roles>>;

export type AccreditationsCapability = keyof typeof WHO_MAY;

export const ACCREDITATIONS_CAPABILITIES = Object.keys(WHO_MAY) as readonly AccreditationsCapability[];

/** The roles that may, at all: what an API route or a web form requires. */
export function rolesFor(capability: AccreditationsCapability): Roles {
  return WHO_MAY[capability];
}

/** Whether someone with these roles in the council may do this: what the web pages offer. */
export function mayDo(
  person: { readonly roles: readonly CouncilRole[] },
  capability: AccreditationsCapability,
): boolean {
  const roles: Roles = WHO_MAY[capability];
  return person.roles.some((role) => roles.includes(role));
}
