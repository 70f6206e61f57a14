import type { Principal } from './principal.js';

/** Why a bearer token was refused; always answered with 401 and never more detail than this. */
export class InvalidAccessTokenError extends Error {
  override readonly name = 'InvalidAccessTokenError';
}

/** Our port onto whatever checks access tokens (keycloak-connect today). */
export abstract class AccessTokenVerifier {
  /** Resolves with the principal, or rejects with InvalidAccessTokenError. */
  abstract verify(token: string): Promise<Principal>;
}
