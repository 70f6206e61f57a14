import { z } from 'zod';
import { KeycloakServiceAccount, type KeycloakAdminOptions } from './keycloak-service-account.js';
import { displayNameOf, UserDirectory } from './user-directory.js';

export type { KeycloakAdminOptions } from './keycloak-service-account.js';

const userRepresentation = z.object({
  username: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
});

/**
 * Users from Keycloak's Admin REST API (`GET /admin/realms/{realm}/users/{id}`), through the
 * client's service account (realm-management `view-users`).
 */
export class KeycloakAdminUserDirectory extends UserDirectory {
  private readonly account: KeycloakServiceAccount;

  constructor(options: KeycloakAdminOptions) {
    super();
    this.account = new KeycloakServiceAccount(options);
  }

  async displayNames(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      const name = await this.displayName(id);
      if (name !== null) names.set(id, name);
    }
    return names;
  }

  private async displayName(id: string): Promise<string | null> {
    const response = await this.account.fetch(`/users/${encodeURIComponent(id)}`);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Keycloak answered ${response.status} for user ${id}`);
    return displayNameOf(userRepresentation.parse(await response.json()));
  }
}
