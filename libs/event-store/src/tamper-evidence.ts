import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventMetadata, JsonObject } from './event.js';

/** The hash a stream's first event chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** What of a stored event its hash covers: everything but what the database assigns on insert. */
export interface HashedEventContent {
  readonly id: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/** RFC 8785 canonical JSON of the stored event. */
export function canonicalEventJson(content: HashedEventContent): string {
  const json = canonicalize({
    id: content.id,
    streamId: content.streamId,
    streamVersion: content.streamVersion,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: content.metadata,
  });
  if (json === undefined) throw new Error(`Event ${content.id} cannot be serialised to JSON`);
  return json;
}

/** SHA-256 of the previous event's hash (32 bytes) followed by this event's canonical JSON (UTF-8). */
export function chainHash(previousHash: string, canonicalJson: string): string {
  return createHash('sha256').update(Buffer.from(previousHash, 'hex')).update(canonicalJson, 'utf8').digest('hex');
}

export type BrokenLinkReason =
  /** The event's content no longer matches its recorded hash, or the chain before it changed. */
  | 'hash_mismatch'
  /** Stream versions are not contiguous: an event was removed (or one was inserted). */
  | 'missing_event'
  /** The stream's recorded head (version and hash) does not match its last event. */
  | 'head_mismatch';

export interface BrokenLink {
  readonly streamId: string;
  /** The first version at which the chain no longer holds. */
  readonly streamVersion: number;
  readonly reason: BrokenLinkReason;
  readonly detail: string;
}

export interface StreamVerification {
  readonly streamId: string;
  readonly valid: boolean;
  readonly eventsChecked: number;
  readonly headHash: string;
  readonly brokenLink: BrokenLink | null;
}

export interface TenantVerification {
  readonly tenantId: string;
  readonly valid: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** The first broken link, streams taken in id order. */
  readonly brokenLink: BrokenLink | null;
  /** The first broken link of every stream that has one, streams in id order. */
  readonly brokenLinks: readonly BrokenLink[];
}

export interface StreamHead {
  readonly streamId: string;
  readonly version: number;
  readonly hash: string;
}

export interface TenantCheckpoint {
  readonly format: 'due-regard/tenant-checkpoint@1';
  readonly tenantId: string;
  readonly takenAt: string;
  readonly heads: readonly StreamHead[];
  /** Hex SHA-256 of the canonical JSON of {tenantId, takenAt, heads}. */
  readonly digest: string;
  readonly signature: {
    readonly algorithm: 'Ed25519';
    readonly keyId: string;
    /** SPKI PEM, so an auditor can check the signature without us. */
    readonly publicKey: string;
    /** Base64 signature over the digest's bytes. */
    readonly value: string;
  };
}

export interface CheckpointCheck {
  readonly valid: boolean;
  readonly signatureValid: boolean;
  readonly digestValid: boolean;
  /** Heads of the checkpoint the log no longer holds as they were, with why. */
  readonly mismatches: readonly { readonly streamId: string; readonly version: number; readonly detail: string }[];
}

function checkpointDigest(tenantId: string, takenAt: string, heads: readonly StreamHead[]): string {
  const json = canonicalize({ tenantId, takenAt, heads });
  if (json === undefined) throw new Error('Checkpoint cannot be serialised');
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/** Injection token for the one CheckpointSigner the event store signs with (the audit context signs its checkpoints with it too). */
export const CHECKPOINT_SIGNER = Symbol('CheckpointSigner');

/** Signs tenant checkpoints with an Ed25519 key; auditors verify them with the public key they carry. */
export class CheckpointSigner {
  private readonly publicKey: KeyObject;
  private readonly publicKeyPem: string;

  private constructor(
    private readonly privateKey: KeyObject,
    readonly keyId: string,
  ) {
    this.publicKey = createPublicKey(privateKey);
    this.publicKeyPem = this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  static fromPem(privateKeyPem: string, keyId: string): CheckpointSigner {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new Error(`The checkpoint signing key must be Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    return new CheckpointSigner(key, keyId);
  }

  /** The public key (SPKI PEM) that checks this signer's signatures. */
  publicKeyPemText(): string {
    return this.publicKeyPem;
  }

  /** Base64 Ed25519 signature over a hex SHA-256 digest's bytes (audit checkpoints sign their own digest). */
  signDigest(digestHex: string): string {
    return sign(null, Buffer.from(digestHex, 'hex'), this.privateKey).toString('base64');
  }

  /** Whether `signature` (base64) is this key's signature over the digest's bytes. */
  verifyDigest(digestHex: string, signature: string): boolean {
    try {
      return verify(null, Buffer.from(digestHex, 'hex'), this.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }

  sign(tenantId: string, heads: readonly StreamHead[], takenAt: Date): TenantCheckpoint {
    const takenAtIso = takenAt.toISOString();
    const digest = checkpointDigest(tenantId, takenAtIso, heads);
    return {
      format: 'due-regard/tenant-checkpoint@1',
      tenantId,
      takenAt: takenAtIso,
      heads,
      digest,
      signature: {
        algorithm: 'Ed25519',
        keyId: this.keyId,
        publicKey: this.publicKeyPem,
        value: sign(null, Buffer.from(digest, 'hex'), this.privateKey).toString('base64'),
      },
    };
  }

  /**
   * Checks digest and signature. The signature must verify under our own public key: a checkpoint
   * re-signed with some other key it carries along is not ours.
   */
  checkSignature(checkpoint: TenantCheckpoint): { digestValid: boolean; signatureValid: boolean } {
    const digestValid =
      checkpointDigest(checkpoint.tenantId, checkpoint.takenAt, checkpoint.heads) === checkpoint.digest;
    let signatureValid: boolean;
    try {
      signatureValid = verify(
        null,
        Buffer.from(checkpoint.digest, 'hex'),
        this.publicKey,
        Buffer.from(checkpoint.signature.value, 'base64'),
      );
    } catch {
      signatureValid = false;
    }
    return { digestValid, signatureValid };
  }
}

/**
 * Walks one stream's raw (never upcasted) events in version order and returns the first broken link.
 * Shared by both adapters so that they verify by the same rules.
 */
export function verifyChain(
  streamId: string,
  events: readonly (HashedEventContent & { readonly hash: string })[],
  head: { readonly version: number; readonly hash: string } | null,
): StreamVerification {
  let previousHash = GENESIS_HASH;
  let expectedVersion = 1;
  const broken = (streamVersion: number, reason: BrokenLinkReason, detail: string): StreamVerification => ({
    streamId,
    valid: false,
    eventsChecked: expectedVersion - 1,
    headHash: previousHash,
    brokenLink: { streamId, streamVersion, reason, detail },
  });

  for (const event of events) {
    if (event.streamVersion !== expectedVersion) {
      return broken(
        expectedVersion,
        'missing_event',
        `expected version ${expectedVersion}, found ${event.streamVersion}`,
      );
    }
    const recomputed = chainHash(previousHash, canonicalEventJson(event));
    if (recomputed !== event.hash) {
      return broken(
        event.streamVersion,
        'hash_mismatch',
        `event ${event.id} hashes to ${recomputed}, recorded ${event.hash}`,
      );
    }
    previousHash = event.hash;
    expectedVersion += 1;
  }
  const lastVersion = expectedVersion - 1;
  if (head && (head.version !== lastVersion || head.hash !== previousHash)) {
    const reason: BrokenLinkReason = head.version > lastVersion ? 'missing_event' : 'head_mismatch';
    return broken(
      Math.min(head.version, lastVersion + 1),
      reason,
      `stream head records version ${head.version} (${head.hash}); its events end at version ${lastVersion} (${previousHash})`,
    );
  }
  return { streamId, valid: true, eventsChecked: lastVersion, headHash: previousHash, brokenLink: null };
}
