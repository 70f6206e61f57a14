import { createHash, generateKeyPairSync } from 'node:crypto';
import { generateSigningKeyPem } from '@due-regard/testing';
import type { HashedEventContent } from './tamper-evidence.js';
import { canonicalEventJson, chainHash, CheckpointSigner, GENESIS_HASH, verifyChain } from './tamper-evidence.js';

function event(version: number, narrative: string): HashedEventContent {
  return {
    id: `0190f3c2-7d1e-7abc-8def-00000000000${version}`,
    streamId: 'action-charnwood.1',
    streamVersion: version,
    type: 'ProgressRecorded',
    schemaVersion: 1,
    data: { narrative, rag: 'green' },
    metadata: {
      tenantId: 'charnwood',
      actorId: 'sub-1',
      correlationId: 'c-1',
      causationId: null,
      occurredAt: '2026-11-23T10:00:00.000Z',
      source: 'ui',
    },
  };
}

function chain(contents: readonly HashedEventContent[]): (HashedEventContent & { hash: string })[] {
  let previous = GENESIS_HASH;
  return contents.map((content) => {
    previous = chainHash(previous, canonicalEventJson(content));
    return { ...content, hash: previous };
  });
}

describe('tamper evidence', () => {
  it('serialises events as RFC 8785 canonical JSON: sorted keys, no white space', () => {
    expect(canonicalEventJson(event(1, 'é "quoted"'))).toBe(
      '{"data":{"narrative":"é \\"quoted\\"","rag":"green"},"id":"0190f3c2-7d1e-7abc-8def-000000000001",' +
        '"metadata":{"actorId":"sub-1","causationId":null,"correlationId":"c-1","occurredAt":"2026-11-23T10:00:00.000Z","source":"ui","tenantId":"charnwood"},' +
        '"schemaVersion":1,"streamId":"action-charnwood.1","streamVersion":1,"type":"ProgressRecorded"}',
    );
  });

  it('hashes the previous hash bytes followed by the canonical JSON', () => {
    const json = canonicalEventJson(event(1, 'x'));
    const expected = createHash('sha256').update(Buffer.alloc(32)).update(json, 'utf8').digest('hex');
    expect(chainHash(GENESIS_HASH, json)).toBe(expected);
  });

  it('accepts an intact chain and its head', () => {
    const events = chain([event(1, 'a'), event(2, 'b')]);
    const head = { version: 2, hash: events[1]?.hash ?? '' };
    expect(verifyChain('action-charnwood.1', events, head)).toEqual({
      streamId: 'action-charnwood.1',
      valid: true,
      eventsChecked: 2,
      headHash: head.hash,
      brokenLink: null,
    });
  });

  it('names the first altered event', () => {
    const events = chain([event(1, 'a'), event(2, 'b'), event(3, 'c')]);
    const altered = events.map((e) => (e.streamVersion === 2 ? { ...e, data: { narrative: 'B', rag: 'green' } } : e));
    expect(verifyChain('action-charnwood.1', altered, null).brokenLink).toMatchObject({
      streamVersion: 2,
      reason: 'hash_mismatch',
    });
  });

  it('names a removed event, in the middle or at the end', () => {
    const events = chain([event(1, 'a'), event(2, 'b'), event(3, 'c')]);
    expect(
      verifyChain(
        's',
        [events[0], events[2]].filter((e) => e !== undefined),
        null,
      ).brokenLink,
    ).toMatchObject({
      streamVersion: 2,
      reason: 'missing_event',
    });
    expect(verifyChain('s', events.slice(0, 2), { version: 3, hash: events[2]?.hash ?? '' }).brokenLink).toMatchObject({
      streamVersion: 3,
      reason: 'missing_event',
    });
  });

  it('signs checkpoints that verify under our key only, and not once altered', () => {
    const signer = CheckpointSigner.fromPem(generateSigningKeyPem(), 'k1');
    const checkpoint = signer.sign(
      'charnwood',
      [{ streamId: 'action-charnwood.1', version: 3, hash: 'ab'.repeat(32) }],
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(signer.checkSignature(checkpoint)).toEqual({ digestValid: true, signatureValid: true });
    expect(signer.checkSignature({ ...checkpoint, tenantId: 'leicestershire' })).toMatchObject({ digestValid: false });

    const other = CheckpointSigner.fromPem(generateSigningKeyPem(), 'k2');
    expect(signer.checkSignature(other.sign('charnwood', checkpoint.heads, new Date()))).toMatchObject({
      signatureValid: false,
    });
  });

  it('refuses a signing key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => CheckpointSigner.fromPem(rsa, 'rsa')).toThrow('must be Ed25519, not rsa');
  });
});
