import type { CouncilRole } from '@due-regard/identity';

/**
 * Who may do what in the audit context: read the change log, verify the log, take a signed
 * checkpoint, export the evidence. Read by the API's route guards (`rolesFor`), the web pages
 * (`mayDo`) and the CLI's wording. Pure: no framework, no I/O.
 */
type Roles = readonly [CouncilRole, ...CouncilRole[]];

const WHO_MAY = {
  readAuditLog: ['auditor', 'council-admin'],
  verifyIntegrity: ['auditor', 'council-admin'],
  takeCheckpoint: ['auditor', 'council-admin'],
  exportAuditLog: ['auditor', 'council-admin'],
  comparePlan: ['auditor', 'council-admin', 'plan-editor'],
} as const satisfies Readonly<Record<string, Roles>>;

export type AuditCapability = keyof typeof WHO_MAY;

export const AUDIT_CAPABILITIES = Object.keys(WHO_MAY) as readonly AuditCapability[];

/** The roles that may, at all: what an API route or a web page requires. */
export function rolesFor(capability: AuditCapability): Roles {
  return WHO_MAY[capability];
}

/** Whether someone with these roles in the council may do this: which links the web pages offer. */
export function mayDo(person: { readonly roles: readonly CouncilRole[] }, capability: AuditCapability): boolean {
  const roles: Roles = WHO_MAY[capability];
  return person.roles.some((role) => roles.includes(role));
}
