import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { RequestValidationError } from '@due-regard/platform';

/** Visible ASCII, as the IETF Idempotency-Key draft's clients send it (a UUID, usually). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header's value, or undefined when there is none; a malformed one is a 400 naming the header. */
export function readIdempotencyKey(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = (typeof header === 'string' ? header : header.join(',')).trim();
  if (!KEY.test(value)) {
    throw new RequestValidationError([
      {
        in: 'header',
        field: 'Idempotency-Key',
        pointer: '#/Idempotency-Key',
        detail: 'Send one key of 1 to 255 visible characters, such as a UUID',
      },
    ]);
  }
  return value;
}

/**
 * SHA-256 of the body's canonical JSON (RFC 8785): the same content hashes alike whatever the key
 * order or spacing the client sent it in. No body hashes as `null`.
 */
export function bodyHash(body: unknown): string {
  return createHash('sha256')
    .update(canonicalize(body ?? null) ?? 'null', 'utf8')
    .digest('hex');
}

/** The path a request was made to, without its query. */
export function requestPath(originalUrl: string): string {
  return originalUrl.split('?')[0] ?? originalUrl;
}
