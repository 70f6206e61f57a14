import { z } from 'zod';
import { displayNameOf, UserDirectory } from './user-directory.js';

export interface KeycloakAdminOptions {
  /** Keycloak's base URL, e.g. `https://keycloak.example.org`. */
  readonly keycloakUrl: string;
  readonly realm: string;
  /** A confidential client with a service account allowed to view users (realm-management `view-users`). */
  readonly clientId: string;
  readonly clientSecret: string;
}

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const userRepresentation = z.object({
  username: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
});

/** Renew the service account's token this long before Keycloak says it expires. */
const TOKEN_MARGIN_MS = 30_000;

/**
 * Users from Keycloak's Admin REST API (`GET /admin/realms/{realm}/users/{id}`), with a token of the
 * client's service account (client credentials grant), kept until shortly before it expires.
 */
export class KeycloakAdminUserDirectory extends UserDirectory {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly options: KeycloakAdminOptions) {
    super();
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
    const url = `${this.options.keycloakUrl}/admin/realms/${encodeURIComponent(this.options.realm)}/users/${encodeURIComponent(id)}`;
    let response = await fetch(url, { headers: { authorization: `Bearer ${await this.accessToken()}` } });
    if (response.status === 401) {
      // Revoked or expired early: one more try with a new token.
      this.token = null;
      response = await fetch(url, { headers: { authorization: `Bearer ${await this.accessToken()}` } });
    }
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Keycloak answered ${response.status} for user ${id}`);
    return displayNameOf(userRepresentation.parse(await response.json()));
  }

  private async accessToken(): Promise<string> {
    if (this.token !== null && this.token.expiresAt > Date.now()) return this.token.value;
    const response = await fetch(
      `${this.options.keycloakUrl}/realms/${encodeURIComponent(this.options.realm)}/protocol/openid-connect/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
        }),
      },
    );
    if (!response.ok) throw new Error(`Keycloak refused the user directory's token request (${response.status})`);
    const token = tokenResponse.parse(await response.json());
    this.token = { value: token.access_token, expiresAt: Date.now() + token.expires_in * 1000 - TOKEN_MARGIN_MS };
    return token.access_token;
  }
}
