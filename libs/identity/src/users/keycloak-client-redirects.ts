import { z } from 'zod';
import { KeycloakServiceAccount, type KeycloakAdminOptions } from './keycloak-service-account.js';

/** Keycloak keeps the post-logout redirect URIs in one client attribute, `##`-separated. */
const POST_LOGOUT_ATTRIBUTE = 'post.logout.redirect.uris';

const clientRepresentation = z.looseObject({
  id: z.string().min(1),
  clientId: z.string(),
  redirectUris: z.array(z.string()).default([]),
  attributes: z.record(z.string(), z.string()).default({}),
});

/**
 * Adds a site's origin (`https://<slug>.<domain>`) to a Keycloak client's redirect and post-logout
 * redirect URIs (`<origin>/*`), through the Admin REST API: the client is read
 * (`GET /clients?clientId=`), and written back whole with the URIs added (`PUT /clients/{id}`).
 * The service account needs realm-management's `manage-clients` role. Keycloak has no partial
 * update of a client: two writers at the same instant could lose one's change, so callers add
 * every origin again at start (adding one already there changes nothing).
 */
export class KeycloakClientRedirects {
  private readonly account: KeycloakServiceAccount;

  constructor(
    options: KeycloakAdminOptions,
    /** The client whose URIs change (the web's), which need not be the service account's. */
    private readonly targetClientId: string,
  ) {
    this.account = new KeycloakServiceAccount(options);
  }

  /** True when the URIs were added, false when they were there already. */
  async addOrigin(origin: string): Promise<boolean> {
    const pattern = `${new URL(origin).origin}/*`;
    const found = await this.account.fetch(`/clients?clientId=${encodeURIComponent(this.targetClientId)}`);
    if (!found.ok) throw new Error(`Keycloak answered ${found.status} for client ${this.targetClientId}`);
    const [client] = z.array(clientRepresentation).parse(await found.json());
    if (client === undefined) throw new Error(`Keycloak has no client ${this.targetClientId}`);
    const postLogout = (client.attributes[POST_LOGOUT_ATTRIBUTE] ?? '').split('##').filter((uri) => uri !== '');
    if (client.redirectUris.includes(pattern) && (postLogout.includes(pattern) || postLogout.includes('+'))) {
      return false;
    }
    const updated = {
      ...client,
      redirectUris: client.redirectUris.includes(pattern) ? client.redirectUris : [...client.redirectUris, pattern],
      attributes: {
        ...client.attributes,
        [POST_LOGOUT_ATTRIBUTE]: (postLogout.includes(pattern) || postLogout.includes('+')
          ? postLogout
          : [...postLogout, pattern]
        ).join('##'),
      },
    };
    const written = await this.account.fetch(`/clients/${encodeURIComponent(client.id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(updated),
    });
    if (!written.ok) throw new Error(`Keycloak refused to update client ${this.targetClientId} (${written.status})`);
    return true;
  }
}
