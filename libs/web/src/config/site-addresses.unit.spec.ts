import { safeReturnPath, SiteAddresses } from './site-addresses.js';

describe('the web’s own addresses', () => {
  it('puts each council on a sub-domain of PUBLIC_URL, with its scheme and port', () => {
    const local = new SiteAddresses('http://localhost:3000');
    expect(local.platformOrigin()).toBe('http://localhost:3000');
    expect(local.councilOrigin('charnwood')).toBe('http://charnwood.localhost:3000');
    expect(local.callbackUrl({ kind: 'council', slug: 'charnwood' })).toBe(
      'http://charnwood.localhost:3000/auth/callback',
    );
    expect(local.signedOutUrl({ kind: 'platform' })).toBe('http://localhost:3000/signed-out');

    const production = new SiteAddresses('https://due-regard.example.org');
    expect(production.callbackUrl({ kind: 'council', slug: 'leicestershire' })).toBe(
      'https://leicestershire.due-regard.example.org/auth/callback',
    );
  });
});

describe('where sign-in may send someone back to', () => {
  it.each([
    ['/', '/'],
    ['/public', '/public'],
    ['/plans/2026?tab=actions', '/plans/2026?tab=actions'],
    // An encoded backslash stays a path segment here: browsers do not read it as a slash.
    ['/%5Cevil', '/%5Cevil'],
  ])('keeps a path on this host: %s', (given, kept) => {
    expect(safeReturnPath(given)).toBe(kept);
  });

  it.each([
    undefined,
    '',
    ['/public'],
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    'javascript:alert(1)',
    '/public\r\nSet-Cookie: x=1',
    '/sign-in',
    '/auth/callback?code=1',
    '/signed-out',
    `/${'a'.repeat(2001)}`,
  ])('goes home instead of to %p', (given) => {
    expect(safeReturnPath(given)).toBe('/');
  });
});
