import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';

export const KEYS_FILE_NAME = 'identity-provider-keys.json';

/** The provider's keys: RS256 for access and ID tokens (published at `certs`), HS512 for refresh tokens (never published). */
export interface ProviderKeys {
  readonly kid: string;
  readonly signingKey: CryptoKey;
  readonly verificationKey: CryptoKey;
  /** The public half, as served in the JWKS. */
  readonly publicJwk: JWK;
  /**
   * Refresh tokens are signed with a key of their own, as Keycloak does, so that no verifier of
   * access tokens could ever take a refresh token for one.
   */
  readonly refreshKey: Uint8Array;
}

const storedKeysSchema = z.object({
  signing: z.looseObject({
    kty: z.literal('RSA'),
    kid: z.string().min(1),
    n: z.string(),
    e: z.string(),
    d: z.string(),
    p: z.string(),
    q: z.string(),
    dp: z.string(),
    dq: z.string(),
    qi: z.string(),
  }),
  refresh: z.string().min(64),
});
type StoredKeys = z.infer<typeof storedKeysSchema>;

async function createKeys(): Promise<StoredKeys> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const parsed = storedKeysSchema.shape.signing.parse({ ...jwk, kid: 'pending' });
  const kid = await calculateJwkThumbprint({ kty: parsed.kty, n: parsed.n, e: parsed.e });
  return { signing: { ...parsed, kid }, refresh: randomBytes(64).toString('base64url') };
}

async function readKeys(file: string): Promise<StoredKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  const parsed = storedKeysSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(
      `The identity provider's key file ${file} is damaged: delete it to create new keys (everyone signs in again)`,
    );
  }
  return parsed.data;
}

/**
 * Reads the keys from `<dataDirectory>/identity-provider-keys.json`, creating them on first use,
 * so that tokens stay valid across a restart. Two processes starting together agree on one file:
 * it is created exclusively and the loser reads the winner's.
 */
export async function loadOrCreateProviderKeys(dataDirectory: string): Promise<ProviderKeys> {
  const file = join(dataDirectory, KEYS_FILE_NAME);
  let stored = await readKeys(file);
  if (stored === undefined) {
    // Only the keys' own directory is private: its parents (`.data/`) also hold the embedded
    // PostgreSQL's data, which the `postgres` user must be able to reach.
    await mkdir(dirname(resolve(dataDirectory)), { recursive: true, mode: 0o755 });
    await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
    const created = await createKeys();
    try {
      await writeFile(file, `${JSON.stringify(created, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
      stored = created;
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) throw error;
      stored = await readKeys(file);
      if (stored === undefined) {
        throw new Error(`The identity provider's key file ${file} vanished while being created`, { cause: error });
      }
    }
  }
  const { kid } = stored.signing;
  const publicJwk: JWK = { kty: 'RSA', kid, use: 'sig', alg: 'RS256', n: stored.signing.n, e: stored.signing.e };
  return {
    kid,
    signingKey: await importKey({ ...stored.signing, alg: 'RS256' }),
    verificationKey: await importKey(publicJwk),
    publicJwk,
    refreshKey: Buffer.from(stored.refresh, 'base64url'),
  };
}

/** Node's system errors carry a code; `instanceof Error` is not reliable for them across realms (Jest's VM contexts). */
function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

async function importKey(jwk: JWK): Promise<CryptoKey> {
  const key = await importJWK(jwk, 'RS256');
  if (key instanceof Uint8Array) throw new Error('Expected an RSA key, got a symmetric one');
  return key;
}
