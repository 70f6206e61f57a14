import { SYSTEM_PRINCIPAL } from '../tokens/principal.js';

/**
 * Who a subject id (an event's `actorId`, the identity provider's `sub`) is, looked up when a page
 * is shown: events carry ids only, so a name erased from the identity provider is gone everywhere.
 */
export abstract class UserDirectory {
  /** The display name of each id the directory knows; ids it does not know are left out. */
  abstract displayNames(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The name to show for each id: the directory's, the platform's own, or "Unknown user (id)". */
export async function namesFor(directory: UserDirectory, ids: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(ids)];
  const known = await directory.displayNames(distinct.filter((id) => id !== SYSTEM_PRINCIPAL.subject));
  return new Map(
    distinct.map((id) => [
      id,
      id === SYSTEM_PRINCIPAL.subject ? SYSTEM_PRINCIPAL.displayName : (known.get(id) ?? unknownUser(id)),
    ]),
  );
}

export function unknownUser(id: string): string {
  return `Unknown user (${id})`;
}

/** "Grace Okafor" from a Keycloak user representation; the username when it has no name. */
export function displayNameOf(user: {
  readonly username: string;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
}): string {
  return (
    [user.firstName, user.lastName].filter((part) => part !== undefined && part.trim() !== '').join(' ') ||
    user.username
  );
}
