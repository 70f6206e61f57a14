import { isWellFormedPkceValue, s256CodeChallenge, verifyS256 } from './pkce.js';

// RFC 7636 Appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE S256', () => {
  it('computes the challenge of RFC 7636 Appendix B', () => {
    expect(s256CodeChallenge(VERIFIER)).toBe(CHALLENGE);
  });

  it('accepts the verifier of the challenge', () => {
    expect(verifyS256(CHALLENGE, VERIFIER)).toBe(true);
  });

  it.each([
    ['another verifier', `${VERIFIER.slice(0, -1)}l`],
    ['the challenge itself (plain)', CHALLENGE],
    ['no verifier', undefined],
    ['a verifier too short', 'abc'],
  ])('refuses %s', (_, verifier) => {
    expect(verifyS256(CHALLENGE, verifier)).toBe(false);
  });

  it('knows a well-formed verifier or challenge: 43 to 128 unreserved characters', () => {
    expect(isWellFormedPkceValue('a'.repeat(43))).toBe(true);
    expect(isWellFormedPkceValue('a'.repeat(128))).toBe(true);
    expect(isWellFormedPkceValue('a'.repeat(42))).toBe(false);
    expect(isWellFormedPkceValue('a'.repeat(129))).toBe(false);
    expect(isWellFormedPkceValue(`${'a'.repeat(42)}+`)).toBe(false);
  });
});
