import { newNonce, pageContentSecurityPolicy } from './content-security-policy.js';

describe("the pages' Content-Security-Policy", () => {
  const directives = (policy: string): Map<string, string> =>
    new Map(
      policy.split('; ').map((directive) => {
        const [name = '', ...values] = directive.split(' ');
        return [name, values.join(' ')];
      }),
    );

  it('allows scripts from this origin and with the page nonce only, styles from this origin only', () => {
    const policy = directives(
      pageContentSecurityPolicy({
        nonce: 'abc123',
        providerOrigin: 'http://localhost:3000',
        assetOrigin: null,
        upgradeInsecureRequests: false,
      }),
    );
    expect(policy.get('script-src')).toBe("'self' 'nonce-abc123'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('form-action')).toBe("'self' http://localhost:3000");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect([...policy.values()].join(' ')).not.toContain('unsafe');
  });

  it('adds the bare domain for assets where the page needs them from there, and upgrades in production', () => {
    const policy = directives(
      pageContentSecurityPolicy({
        nonce: 'n',
        providerOrigin: 'https://keycloak.example.org',
        assetOrigin: 'https://due-regard.example.org',
        upgradeInsecureRequests: true,
      }),
    );
    expect(policy.get('script-src')).toBe("'self' https://due-regard.example.org 'nonce-n'");
    expect(policy.get('style-src')).toBe("'self' https://due-regard.example.org");
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
  });

  it('makes a new nonce each time, long enough not to be guessed', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64').length).toBeGreaterThanOrEqual(16);
  });
});
