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

/** An uploaded file as multer leaves it on the request (`request.file`, `request.files`). */
export interface UploadedPart {
  readonly fieldname: string;
  readonly originalname: string;
  readonly mimetype: string;
  readonly buffer: Buffer;
}

function isUploadedPart(value: unknown): value is UploadedPart {
  return (
    typeof value === 'object' &&
    value !== null &&
    'fieldname' in value &&
    'buffer' in value &&
    Buffer.isBuffer(value.buffer)
  );
}

/**
 * What a request's fingerprint hashes. A JSON request: its body. A multipart upload (parsed by a
 * file interceptor before this one runs): its text fields and, for each file, its field, name,
 * media type and the SHA-256 of its bytes, so the same key with another file is another request.
 */
export function fingerprintBody(request: {
  readonly body?: unknown;
  readonly file?: unknown;
  readonly files?: unknown;
}): unknown {
  const parts = [request.file, ...(Array.isArray(request.files) ? (request.files as unknown[]) : [])].filter(
    isUploadedPart,
  );
  if (parts.length === 0) return request.body;
  return {
    fields: request.body ?? null,
    files: parts.map((part) => ({
      field: part.fieldname,
      name: part.originalname,
      mediaType: part.mimetype,
      sha256: createHash('sha256').update(part.buffer).digest('hex'),
    })),
  };
}

/** The path a request was made to, without its query. */
export function requestPath(originalUrl: string): string {
  return originalUrl.split('?')[0] ?? originalUrl;
}
