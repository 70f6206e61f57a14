import { generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 private key in PKCS#8 PEM, as EVENT_STORE_SIGNING_KEY holds one. */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
