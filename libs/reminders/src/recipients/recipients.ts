import type { CouncilRole } from '@due-regard/identity';

/** A person a message goes to: their id in the identity provider and their email address. */
export interface Recipient {
  readonly id: string;
  readonly email: string;
}

/**
 * Port: who is in a council's team or holds a council role, with their email addresses, from the
 * identity provider's groups (`/councils/<slug>/teams/<team>`, `/councils/<slug>/<role>`). The
 * embedded provider's realm in development, Keycloak's Admin REST API otherwise. People without an
 * address, and disabled accounts, are left out: there is nobody to send to.
 */
export abstract class Recipients {
  abstract teamMembers(councilSlug: string, team: string): Promise<readonly Recipient[]>;
  abstract withRole(councilSlug: string, role: CouncilRole): Promise<readonly Recipient[]>;
}

export function teamGroupPath(councilSlug: string, team: string): string {
  return `/councils/${councilSlug}/teams/${team}`;
}

export function roleGroupPath(councilSlug: string, role: CouncilRole): string {
  return `/councils/${councilSlug}/${role}`;
}
