import { identityConfigSchema } from './identity.config.js';

describe('identity configuration', () => {
  it('serves the embedded provider on the bare domain when KEYCLOAK_URL is unset', () => {
    expect(identityConfigSchema.parse({})).toEqual({
      publicUrl: 'http://localhost:3000',
      keycloakUrl: null,
      authServerUrl: 'http://localhost:3000',
      realm: 'due-regard',
      demoData: true,
    });
  });

  it('verifies against Keycloak when KEYCLOAK_URL is set', () => {
    const config = identityConfigSchema.parse({
      KEYCLOAK_URL: 'https://sso.example.org/',
      PUBLIC_URL: 'https://dueregard.example.org',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      keycloakUrl: 'https://sso.example.org',
      authServerUrl: 'https://sso.example.org',
      publicUrl: 'https://dueregard.example.org',
      demoData: false,
    });
  });

  it('refuses production without Keycloak, and a DEMO_DATA that is not a boolean', () => {
    expect(identityConfigSchema.safeParse({ NODE_ENV: 'production' }).error?.issues[0]?.path).toEqual(['KEYCLOAK_URL']);
    expect(identityConfigSchema.safeParse({ DEMO_DATA: 'yes' }).error?.issues[0]?.path).toEqual(['DEMO_DATA']);
  });

  it('turns demo data off on request', () => {
    expect(identityConfigSchema.parse({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });
});
