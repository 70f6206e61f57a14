import type { CouncilRole } from '@due-regard/identity';

/**
 * Who may do what with reminders: everyone in a council chooses for themselves whether they are
 * emailed reminders. Sending them is the platform's daily job, not a role's. Pure.
 */
type Roles = readonly [CouncilRole, ...CouncilRole[]];

const WHO_MAY = {
  chooseOwnReminders: ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'],
} as const satisfies Readonly<Record<string, Roles>>;

export type RemindersCapability = keyof typeof WHO_MAY;

/** The roles that may, at all: what an API route or a web form requires. */
export function rolesFor(capability: RemindersCapability): Roles {
  return WHO_MAY[capability];
}
