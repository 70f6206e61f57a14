import {
  EmbeddedIdentityProviderInProductionError,
  resolveIdentityProviderOptions,
} from './identity-provider.options.js';

describe('resolveIdentityProviderOptions', () => {
  it('refuses production, whether told or from NODE_ENV', () => {
    expect(() => resolveIdentityProviderOptions({ nodeEnv: 'production' }, {})).toThrow(
      EmbeddedIdentityProviderInProductionError,
    );
    expect(() => resolveIdentityProviderOptions({}, { NODE_ENV: 'production' })).toThrow(
      /development and tests only.*KEYCLOAK_URL/,
    );
  });

  it('defaults to the realm export in infra/keycloak, .data/identity, localhost and 20 requests a minute', () => {
    const resolved = resolveIdentityProviderOptions({}, { NODE_ENV: 'development' });
    expect(resolved.realmFile.endsWith('/infra/keycloak/due-regard-realm.json')).toBe(true);
    expect(resolved.dataDirectory.endsWith('/.data/identity')).toBe(true);
    expect(resolved.baseDomain).toBe('localhost');
    expect(resolved.rateLimit).toEqual({ limit: 20, ttlMs: 60_000 });
    expect(resolved.issuerBaseUrl({ protocol: 'http', host: 'anything' })).toBe('http://localhost:3000');
  });

  it('takes the issuer base URL fixed or from the request, without a trailing slash', () => {
    expect(
      resolveIdentityProviderOptions({ issuerBaseUrl: 'https://due-regard.example/' }, {}).issuerBaseUrl({
        protocol: 'http',
        host: 'x',
      }),
    ).toBe('https://due-regard.example');
    const fromRequest = resolveIdentityProviderOptions(
      { issuerBaseUrl: (request) => `${request.protocol}://${request.host}` },
      {},
    );
    expect(fromRequest.issuerBaseUrl({ protocol: 'http', host: 'localhost:4321' })).toBe('http://localhost:4321');
  });

  it('refuses an issuer base URL that is not an http(s) URL', () => {
    expect(() => resolveIdentityProviderOptions({ issuerBaseUrl: 'localhost:3000' }, {})).toThrow(
      /not an absolute URL|neither http nor https/,
    );
    expect(() => resolveIdentityProviderOptions({ issuerBaseUrl: 'ftp://x' }, {})).toThrow(/neither http nor https/);
  });
});
