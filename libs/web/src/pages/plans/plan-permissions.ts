import type { CouncilRole } from '@due-regard/identity';
import type { ActionPlanStatus } from '@due-regard/plans';

/** A button of the plan's lifecycle: a POST form to `/plans/:planId/<action>`. */
export interface LifecycleForm {
  readonly action: 'submit' | 'approve' | 'publish' | 'close';
  readonly label: string;
  /** Closing cannot be undone: shown as a warning button. */
  readonly warning: boolean;
}

/** Each move of the plan's lifecycle: from which status, and who may make it (as the API allows). */
const LIFECYCLE: readonly (LifecycleForm & { from: ActionPlanStatus; roles: readonly CouncilRole[] })[] = [
  {
    action: 'submit',
    label: 'Submit for approval',
    warning: false,
    from: 'draft',
    roles: ['plan-editor', 'council-admin'],
  },
  { action: 'approve', label: 'Approve plan', warning: false, from: 'submitted', roles: ['council-admin'] },
  { action: 'publish', label: 'Publish plan', warning: false, from: 'approved', roles: ['council-admin'] },
  { action: 'close', label: 'Close plan', warning: true, from: 'published', roles: ['council-admin'] },
];

/** The lifecycle buttons someone with these roles may use on a plan in this status. */
export function lifecycleForms(status: ActionPlanStatus, roles: readonly CouncilRole[]): LifecycleForm[] {
  return LIFECYCLE.filter((move) => move.from === status && move.roles.some((role) => roles.includes(role))).map(
    ({ action, label, warning }) => ({ action, label, warning }),
  );
}

/** Whether to offer "Add an action" and "Add an objective": editors and admins, until the plan is closed. */
export function mayAddToPlan(status: ActionPlanStatus, roles: readonly CouncilRole[]): boolean {
  return status !== 'closed' && roles.some((role) => role === 'plan-editor' || role === 'council-admin');
}

/** Returning a submitted plan to draft takes a reason: a link to its form, for those who may approve it. */
export function mayReturnToDraft(status: ActionPlanStatus, roles: readonly CouncilRole[]): boolean {
  return status === 'submitted' && roles.includes('council-admin');
}
