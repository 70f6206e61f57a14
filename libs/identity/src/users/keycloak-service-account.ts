import { z } from 'zod';

export interface KeycloakAdminOptions {
  /** Keycloak's base URL, e.g. `https://keycloak.example.org`. */
  readonly keycloakUrl: string;
  readonly realm: string;
  /** A confidential client with a service account, given the realm-management roles its calls need. */
  readonly clientId: string;
  readonly clientSecret: string;
}

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/** Renew the service account's token this long before Keycloak says it expires. */
const TOKEN_MARGIN_MS = 30_000;

/**
 * Calls to Keycloak's Admin REST API (`<keycloakUrl>/admin/realms/<realm>/...`) with a token of the
 * client's service account (client credentials grant), kept until shortly before it expires and
 * asked for again once when Keycloak answers 401.
 */
export class KeycloakServiceAccount {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(readonly options: KeycloakAdminOptions) {}

  /** `path` is under the realm's admin resource, e.g. `/users/<id>`. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const url = `${this.options.keycloakUrl}/admin/realms/${encodeURIComponent(this.options.realm)}${path}`;
    const call = async (): Promise<Response> =>
      fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${await this.accessToken()}` } });
    const response = await call();
    if (response.status !== 401) return response;
    // Revoked or expired early: one more try with a new token.
    this.token = null;
    return call();
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
    if (!response.ok) throw new Error(`Keycloak refused the service account's token request (${response.status})`);
    const token = tokenResponse.parse(await response.json());
    this.token = { value: token.access_token, expiresAt: Date.now() + token.expires_in * 1000 - TOKEN_MARGIN_MS };
    return token.access_token;
  }
}
