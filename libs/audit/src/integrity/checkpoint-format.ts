import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CheckpointSigner } from '@due-regard/event-store';
import type { CheckpointHead, SignedCheckpoint } from '../domain/checkpoint-chain.js';

/** What a checkpoint's digest covers: everything but the digest and the signature. */
type CheckpointContent = Omit<SignedCheckpoint, 'digest' | 'signature'>;

/**
 * Hex SHA-256 of the RFC 8785 canonical JSON of the checkpoint's content. The offline verifier
 * (tools/verify-export.mjs) computes the same, with nothing but Node.
 */
export function checkpointDigest(content: CheckpointContent): string {
  const json = canonicalize({
    format: content.format,
    tenantId: content.tenantId,
    sequence: content.sequence,
    takenAt: content.takenAt,
    previousDigest: content.previousDigest,
    heads: content.heads.map(({ streamId, version, hash }) => ({ streamId, version, hash })),
    keyId: content.keyId,
  });
  if (json === undefined) throw new Error('A checkpoint cannot be serialised');
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/** A council's checkpoint, digested and signed with the platform's key. */
export function signCheckpoint(
  signer: CheckpointSigner,
  fields: {
    readonly tenantId: string;
    readonly sequence: number;
    readonly takenAt: Date;
    readonly previousDigest: string;
    readonly heads: readonly CheckpointHead[];
  },
): SignedCheckpoint {
  const content: CheckpointContent = {
    format: 'due-regard/audit-checkpoint@1',
    tenantId: fields.tenantId,
    sequence: fields.sequence,
    takenAt: fields.takenAt.toISOString(),
    previousDigest: fields.previousDigest,
    heads: fields.heads,
    keyId: signer.keyId,
  };
  const digest = checkpointDigest(content);
  return { ...content, digest, signature: signer.signDigest(digest) };
}
