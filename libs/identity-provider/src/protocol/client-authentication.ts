import { createHash, timingSafeEqual } from 'node:crypto';
import type { Realm, RealmClient } from '../realm/realm.js';
import { OAuthError } from './oauth-error.js';

export type ClientAuthenticationMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface ClientCredentials {
  readonly clientId: string;
  readonly secret: string | undefined;
  readonly method: ClientAuthenticationMethod;
}

const BASIC_CHALLENGE = 'Basic realm="due-regard"';

/** `application/x-www-form-urlencoded` decoding, which RFC 6749 §2.3.1 applies inside HTTP Basic. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_client', 'Malformed client credentials', 401, BASIC_CHALLENGE);
  }
}

/** Reads client_secret_basic or client_secret_post credentials, or a public client's bare client_id. */
export function readClientCredentials(
  authorization: string | undefined,
  clientId: string | undefined,
  clientSecret: string | undefined,
): ClientCredentials {
  if (authorization === undefined || !/^Basic\b/i.test(authorization)) {
    if (clientId === undefined) throw new OAuthError('invalid_client', 'Missing parameter: client_id', 401);
    return clientSecret === undefined
      ? { clientId, secret: undefined, method: 'none' }
      : { clientId, secret: clientSecret, method: 'client_secret_post' };
  }
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization)?.[1];
  const decoded = encoded === undefined ? '' : Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    throw new OAuthError('invalid_client', 'Malformed HTTP Basic credentials', 401, BASIC_CHALLENGE);
  }
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (clientId !== undefined && clientId !== id) {
    throw new OAuthError('invalid_client', 'client_id does not match the HTTP Basic credentials', 401, BASIC_CHALLENGE);
  }
  // keycloak-connect sends its secret both ways, and Keycloak reads the header; two different secrets are refused.
  if (clientSecret !== undefined && clientSecret !== secret) {
    throw new OAuthError(
      'invalid_request',
      'HTTP Basic and client_secret disagree: use one client authentication method',
    );
  }
  return { clientId: id, secret, method: 'client_secret_basic' };
}

function sameSecret(expected: string, actual: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(actual));
}

/** The authenticated client, or `invalid_client` (401) without saying whether the client exists. */
export function authenticateClient(realm: Realm, credentials: ClientCredentials): RealmClient {
  const challenge = credentials.method === 'client_secret_basic' ? BASIC_CHALLENGE : undefined;
  const refuse = (): never => {
    throw new OAuthError('invalid_client', 'Invalid client or Invalid client credentials', 401, challenge);
  };
  const client = realm.client(credentials.clientId);
  if (!client?.enabled) return refuse();
  if (client.publicClient) return client;
  if (
    client.secret === undefined ||
    credentials.secret === undefined ||
    !sameSecret(client.secret, credentials.secret)
  ) {
    return refuse();
  }
  return client;
}
