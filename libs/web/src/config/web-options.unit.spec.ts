import { ConfigError, loadConfig } from '@due-regard/platform';
import { generateSigningKeyPem } from '@due-regard/testing';
import { DEVELOPMENT_CLIENT_SECRET, resolveWebOptions } from './web-options.js';

const production = () =>
  loadConfig({
    NODE_ENV: 'production',
    KEYCLOAK_URL: 'https://keycloak.example.org',
    PUBLIC_URL: 'https://due-regard.example.org',
    BASE_DOMAIN: 'due-regard.example.org',
    DATABASE_URL: 'postgres://due-regard@db.example.org/due_regard',
    EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
  });

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe("the web's options", () => {
  it('works on a laptop with no configuration: plain http, development secrets, no __Host- cookies', () => {
    const options = resolveWebOptions(loadConfig({}), {});
    expect(options.issuer).toBe('http://localhost:3000/realms/due-regard');
    expect(options.embeddedProvider).toBe(true);
    expect(options.clientId).toBe('due-regard-web');
    expect(options.clientSecret).toBe(DEVELOPMENT_CLIENT_SECRET);
    expect(options.secureCookies).toBe(false);
    expect(options.sessionCookieName).toBe('due-regard-session');
    expect(options.csrfCookieName).toBe('due-regard-csrf');
    expect(options.csrfSecret).not.toBe(options.sessionSecret);
  });

  it('compiles each template once unless told to read them again on every render', () => {
    expect(resolveWebOptions(loadConfig({}), {}).reloadTemplates).toBe(false);
    expect(resolveWebOptions(loadConfig({}), { WEB_TEMPLATES_RELOAD: 'true' }).reloadTemplates).toBe(true);
    expect(() => resolveWebOptions(loadConfig({}), { WEB_TEMPLATES_RELOAD: 'yes' })).toThrow(
      'WEB_TEMPLATES_RELOAD true or false',
    );
  });

  it('uses Keycloak, Secure __Host- cookies and the given secrets in production', () => {
    const options = resolveWebOptions(production(), {
      WEB_CLIENT_SECRET: 'from-keycloak',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(options.issuer).toBe('https://keycloak.example.org/realms/due-regard');
    expect(options.embeddedProvider).toBe(false);
    expect(options.clientSecret).toBe('from-keycloak');
    expect(options.secureCookies).toBe(true);
    expect(options.sessionCookieName).toBe('__Host-due-regard-session');
    expect(options.csrfCookieName).toBe('__Host-due-regard-csrf');
  });

  it('refuses to start in production without real secrets, never showing them', () => {
    expect(errorOf(() => resolveWebOptions(production(), {}))).toMatch(
      /^Configuration error: WEB_CLIENT_SECRET must be set in production.*; SESSION_SECRET must be set in production/,
    );
    const message = errorOf(() =>
      resolveWebOptions(production(), { WEB_CLIENT_SECRET: DEVELOPMENT_CLIENT_SECRET, SESSION_SECRET: 'short-secret' }),
    );
    expect(message).toContain('WEB_CLIENT_SECRET must not be the development secret');
    expect(message).toContain('SESSION_SECRET must be set in production to at least 32');
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain(DEVELOPMENT_CLIENT_SECRET);
  });
});
