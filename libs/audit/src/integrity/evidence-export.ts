import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import JSZip from 'jszip';
import {
  canonicalEventJson,
  CHECKPOINT_SIGNER,
  EVENT_STORE,
  type CheckpointSigner,
  type EventStore,
} from '@due-regard/event-store';
import { IntegrityVerifier } from './integrity-verifier.js';

/** What the export's README says: how to check it, with nothing but Node. */
function readme(council: string, takenAt: string, keyId: string): string {
  return `Due Regard: ${council}'s change log, exported ${takenAt}

events.jsonl       every event of the council, one per line, streams in name order, versions in order:
                   {"event": <the event exactly as hashed>, "hash": <hex>, "recordedAt": <ISO instant>}
                   hash = SHA-256(previous event's hash as 32 bytes || RFC 8785 canonical JSON of "event"),
                   the first event of a stream chaining from 64 zeros.
checkpoints.jsonl  the council's signed checkpoints, oldest first: its stream heads at an instant,
                   each naming the digest of the one before; digest = SHA-256 of the canonical JSON of
                   every field but "digest" and "signature"; signature = Ed25519 over the digest's bytes.
public-key.pem     the platform's checkpoint key (key id ${keyId}). Prefer a copy you obtained
                   separately: a key shipped beside the data proves only that the data is consistent.

Check it on your own machine (Node 20 or later, nothing to install):

  node tools/verify-export.mjs export.zip --public-key key.pem [--against earlier-export.zip]

It re-hashes every event, checks every chain, every checkpoint's signature, chain and heads, and,
with --against, that every event and checkpoint of an earlier export is still here unchanged.
Exit 0: valid. Exit 1: the first broken link is named.
`;
}

/** The council's evidence as one zip: its events as hashed, its checkpoints, the public key, a README. */
@Injectable()
export class EvidenceExporter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
    private readonly verifier: IntegrityVerifier,
  ) {}

  async export(council: string, takenAt: Date): Promise<{ readonly zip: Buffer; readonly events: number }> {
    const streams = (await this.store.exportTenantCheckpoint(council)).heads.map((head) => head.streamId).sort();
    const lines: string[] = [];
    for (const streamId of streams) {
      for (const event of await this.store.readStream(streamId, { asStored: true })) {
        const hashed = canonicalEventJson({
          id: event.id,
          streamId: event.streamId,
          streamVersion: event.streamVersion,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: event.metadata,
        });
        lines.push(`{"event":${hashed},"hash":"${event.hash}","recordedAt":"${event.recordedAt.toISOString()}"}`);
      }
    }
    const checkpoints = (await this.verifier.checkpoints(council)).map(({ checkpoint }) => {
      const json = canonicalize(checkpoint);
      if (json === undefined) throw new Error('A checkpoint cannot be serialised');
      return json;
    });
    const zip = new JSZip();
    const date = takenAt;
    zip.file('events.jsonl', lines.map((line) => `${line}\n`).join(''), { date });
    zip.file('checkpoints.jsonl', checkpoints.map((line) => `${line}\n`).join(''), { date });
    zip.file('public-key.pem', this.signer.publicKeyPemText(), { date });
    zip.file('README.txt', readme(council, takenAt.toISOString(), this.signer.keyId), { date });
    return {
      zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      events: lines.length,
    };
  }
}
