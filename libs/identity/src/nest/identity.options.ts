export interface IdentityOptions {
  /** Councils live at `<slug>.<baseDomain>`; the bare domain is the platform. */
  readonly baseDomain: string;
  /** Keycloak's base URL, or the app's own when it serves the embedded provider. */
  readonly authServerUrl: string;
  readonly realm: string;
  /** The API's client id: accepted tokens carry it in `aud`. */
  readonly apiClientId: string;
  /** Clients whose tokens are accepted (`azp`). */
  readonly acceptedClients: readonly string[];
}

export const IDENTITY_OPTIONS = Symbol('IdentityOptions');
