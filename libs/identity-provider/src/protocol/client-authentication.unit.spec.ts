import { Realm } from '../realm/realm.js';
import { DUE_REGARD_REALM_EXPORT } from '../testing/due-regard-realm.fixture.js';
import { authenticateClient, readClientCredentials } from './client-authentication.js';
import { OAuthError } from './oauth-error.js';

const realm = Realm.fromRepresentation(DUE_REGARD_REALM_EXPORT);
const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

function oauthErrorOf(action: () => unknown): OAuthError {
  try {
    action();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected an OAuthError');
}

describe('client authentication', () => {
  it('reads client_secret_basic, form-decoding both parts', () => {
    expect(readClientCredentials(basic('due-regard-web', 'a b+c'), undefined, undefined)).toEqual({
      clientId: 'due-regard-web',
      secret: 'a b+c',
      method: 'client_secret_basic',
    });
  });

  it('reads client_secret_post and a public client_id', () => {
    expect(readClientCredentials(undefined, 'due-regard-web', 's')).toEqual({
      clientId: 'due-regard-web',
      secret: 's',
      method: 'client_secret_post',
    });
    expect(readClientCredentials(undefined, 'due-regard-cli', undefined)).toEqual({
      clientId: 'due-regard-cli',
      secret: undefined,
      method: 'none',
    });
  });

  it('takes the same secret sent both ways (as keycloak-connect does) but refuses two different ones', () => {
    expect(readClientCredentials(basic('due-regard-web', 's'), 'due-regard-web', 's').method).toBe(
      'client_secret_basic',
    );
    expect(oauthErrorOf(() => readClientCredentials(basic('due-regard-web', 's'), undefined, 't')).error).toBe(
      'invalid_request',
    );
  });

  it('refuses a mismatched client_id, malformed Basic credentials and no client at all', () => {
    expect(oauthErrorOf(() => readClientCredentials('Basic !!!', undefined, undefined)).error).toBe('invalid_client');
    expect(
      oauthErrorOf(() => readClientCredentials(basic('due-regard-web', 's'), 'due-regard-cli', undefined)).error,
    ).toBe('invalid_client');
    expect(oauthErrorOf(() => readClientCredentials(undefined, undefined, undefined))).toMatchObject({
      error: 'invalid_client',
      status: 401,
    });
  });

  it('authenticates the confidential web client by its secret only', () => {
    expect(
      authenticateClient(
        realm,
        readClientCredentials(basic('due-regard-web', 'due-regard-web-dev-secret'), undefined, undefined),
      ).clientId,
    ).toBe('due-regard-web');
    const wrong = oauthErrorOf(() =>
      authenticateClient(realm, readClientCredentials(basic('due-regard-web', 'nope'), undefined, undefined)),
    );
    expect(wrong).toMatchObject({ error: 'invalid_client', status: 401, challenge: 'Basic realm="due-regard"' });
    expect(
      oauthErrorOf(() => authenticateClient(realm, readClientCredentials(undefined, 'due-regard-web', undefined)))
        .error,
    ).toBe('invalid_client');
  });

  it('lets a public client through by its id and refuses an unknown client like a bad secret', () => {
    expect(authenticateClient(realm, readClientCredentials(undefined, 'due-regard-cli', undefined)).clientId).toBe(
      'due-regard-cli',
    );
    expect(
      oauthErrorOf(() => authenticateClient(realm, readClientCredentials(undefined, 'nobody', 'x'))).description,
    ).toBe('Invalid client or Invalid client credentials');
  });
});
