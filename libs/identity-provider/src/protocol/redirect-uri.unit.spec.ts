import { allowedOrigins, matchesRegisteredUri, withQuery } from './redirect-uri.js';

const registered = ['http://localhost:3000/*', 'http://charnwood.localhost:3000/*', 'https://app.example/callback'];

describe('matchesRegisteredUri (Keycloak rule: a trailing * matches any path, anything else exactly)', () => {
  it.each([
    'http://localhost:3000/',
    'http://localhost:3000/auth/callback',
    'http://localhost:3000/auth/callback?next=%2Fplans',
    'http://charnwood.localhost:3000/auth/callback',
    'https://app.example/callback',
  ])('accepts %s', (uri) => {
    expect(matchesRegisteredUri(uri, registered)).toBe(true);
  });

  it.each([
    ['another council', 'http://leicestershire.localhost:3000/auth/callback'],
    ['another port', 'http://localhost:30001/auth/callback'],
    ['another scheme', 'https://localhost:3000/auth/callback'],
    ['a look-alike host', 'http://localhost:3000.evil.example/auth/callback'],
    ['credentials before the host', 'http://localhost:3000@evil.example/'],
    ['a fragment', 'http://localhost:3000/auth/callback#x'],
    ['an exact URI with a suffix', 'https://app.example/callback/more'],
    ['an exact URI with a query', 'https://app.example/callback?x=1'],
    ['whitespace', 'http://localhost:3000/auth/callback\n'],
    ['a relative URI', '/auth/callback'],
    ['a script URI', 'javascript:alert(1)'],
    ['nothing', ''],
  ])('refuses %s', (_, uri) => {
    expect(matchesRegisteredUri(uri, registered)).toBe(false);
  });

  it('keeps a prefix that stops inside the authority to its own origin', () => {
    expect(matchesRegisteredUri('http://localhost:3000/x', ['http://localhost:3000*'])).toBe(true);
    expect(matchesRegisteredUri('http://localhost:30001/x', ['http://localhost:3000*'])).toBe(false);
  });

  it('matches nothing when nothing is registered', () => {
    expect(matchesRegisteredUri('http://localhost:3000/', [])).toBe(false);
  });
});

describe('withQuery', () => {
  it('adds parameters after those the URI already has and leaves out undefined ones', () => {
    expect(withQuery('http://localhost:3000/cb?next=%2Fplans', { code: 'a b', state: undefined })).toBe(
      'http://localhost:3000/cb?next=%2Fplans&code=a+b',
    );
  });
});

describe('allowedOrigins', () => {
  it('turns + into the origins of the redirect URIs and keeps explicit origins', () => {
    expect(allowedOrigins(['+', 'https://other.example'], registered)).toEqual([
      'http://localhost:3000',
      'http://charnwood.localhost:3000',
      'https://app.example',
      'https://other.example',
    ]);
    expect(allowedOrigins([], registered)).toEqual([]);
  });
});
