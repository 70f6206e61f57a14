import type { CouncilRole } from '@due-regard/identity';

/**
 * Who may do what with reports. One table, read by the API's route guards (`rolesFor`), the web
 * pages (which forms and links to offer) and the public pages (`publicMayDownload`).
 *
 * Any council role may ask for a report and read the council's reports: a report only shows what
 * every council role may already read. The public may download only reports marked public when
 * generated: progress reports of plans that were published (or closed after publication) at the
 * report's as-of instant.
 */
export type ReportsCapability = 'requestReport' | 'readReports';

type Roles = readonly [CouncilRole, ...CouncilRole[]];

const EVERYONE: Roles = ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'];

const WHO_MAY: Readonly<Record<ReportsCapability, Roles>> = {
  requestReport: EVERYONE,
  readReports: EVERYONE,
};

export const REPORTS_CAPABILITIES = Object.keys(WHO_MAY) as readonly ReportsCapability[];

/** The roles that may, at all: what an API route or a web form requires. */
export function rolesFor(capability: ReportsCapability): Roles {
  return WHO_MAY[capability];
}

/** Whether someone with these roles in the council may do this: what the web pages offer. */
export function mayDo(roles: readonly CouncilRole[], capability: ReportsCapability): boolean {
  return roles.some((role) => WHO_MAY[capability].includes(role));
}

/** A plan's status as the report saw it at its as-of instant. */
export type PlanStatusSeen = 'draft' | 'submitted' | 'approved' | 'published' | 'closed' | 'discarded';

/**
 * Whether a report generated of a plan in this status may go on the public pages: the public reads
 * published plans, and a plan closed after publication stays public; one closed without ever
 * being published (its `publishedOn` is null) is not.
 */
export function publicMayDownload(plan: {
  readonly status: PlanStatusSeen;
  readonly publishedOn: string | null;
}): boolean {
  return plan.status === 'published' || (plan.status === 'closed' && plan.publishedOn !== null);
}
