import { createHash } from 'node:crypto';
import { RequestValidationError } from '@due-regard/platform';
import { bodyHash, fingerprintBody, readIdempotencyKey, requestPath } from './request-fingerprint.js';

describe('the fingerprint of a request, for Idempotency-Key', () => {
  it('hashes the same content alike whatever its key order and spacing', () => {
    expect(bodyHash({ title: 'Plan', period: { from: '2024-04-01', to: '2026-03-31' } })).toBe(
      bodyHash(JSON.parse('{ "period": {"to":"2026-03-31", "from":"2024-04-01"},  "title":"Plan" }')),
    );
  });

  it('tells different content apart', () => {
    expect(bodyHash({ title: 'Plan' })).not.toBe(bodyHash({ title: 'Plan ' }));
    expect(bodyHash({ leads: ['A', 'B'] })).not.toBe(bodyHash({ leads: ['B', 'A'] }));
  });

  it('hashes an absent body as null, and differently from an empty object', () => {
    expect(bodyHash(undefined)).toBe(bodyHash(null));
    expect(bodyHash(undefined)).not.toBe(bodyHash({}));
    expect(bodyHash({})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a key of visible characters, trimmed', () => {
    expect(readIdempotencyKey(' 0190f3c2-7d1e-7abc-8def-0123456789ab ')).toBe('0190f3c2-7d1e-7abc-8def-0123456789ab');
    expect(readIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each(['', 'two words', 'x'.repeat(256), 'caf\u00e9'])('refuses the key %j, naming the header', (key) => {
    expect(() => readIdempotencyKey(key)).toThrow(RequestValidationError);
  });

  it('keys requests by path, without the query', () => {
    expect(requestPath('/api/v1/plans/1/submit?x=1')).toBe('/api/v1/plans/1/submit');
    expect(requestPath('/api/v1/plans')).toBe('/api/v1/plans');
  });
});

describe('the fingerprint of a multipart upload', () => {
  const file = (bytes: string, originalname = 'plan.txt') => ({
    fieldname: 'file',
    originalname,
    mimetype: 'text/plain',
    buffer: Buffer.from(bytes),
  });

  it('is the body alone when no file was uploaded', () => {
    expect(fingerprintBody({ body: { title: 'Plan' } })).toEqual({ title: 'Plan' });
  });

  it("includes the SHA-256 of each file's bytes, with its field, name and media type", () => {
    expect(fingerprintBody({ body: { quarterConvention: 'financial' }, file: file('1.1\tAction') })).toEqual({
      fields: { quarterConvention: 'financial' },
      files: [
        {
          field: 'file',
          name: 'plan.txt',
          mediaType: 'text/plain',
          sha256: createHash('sha256').update('1.1\tAction', 'utf8').digest('hex'),
        },
      ],
    });
  });

  it('tells uploads apart by their bytes, and hashes the same upload alike', () => {
    const once = bodyHash(fingerprintBody({ body: {}, file: file('1.1\tAction') }));
    expect(bodyHash(fingerprintBody({ body: {}, file: file('1.1\tAction') }))).toBe(once);
    expect(bodyHash(fingerprintBody({ body: {}, file: file('1.1\tAction!') }))).not.toBe(once);
    expect(bodyHash(fingerprintBody({ body: {}, file: file('1.1\tAction', 'other.txt') }))).not.toBe(once);
    expect(bodyHash(fingerprintBody({ body: {}, file: file('1.1\tAction') }))).not.toBe(bodyHash({}));
  });
});
