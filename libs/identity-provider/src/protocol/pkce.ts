import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1 and §4.2: 43 to 128 characters of the unreserved set. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isWellFormedPkceValue(value: string): boolean {
  return PKCE_VALUE.test(value);
}

export function s256CodeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Only S256 is supported: `plain` gives no protection against a stolen authorization request. */
export function verifyS256(challenge: string, verifier: string | undefined): boolean {
  if (verifier === undefined || !isWellFormedPkceValue(verifier)) return false;
  const expected = Buffer.from(challenge, 'ascii');
  const actual = Buffer.from(s256CodeChallenge(verifier), 'ascii');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
