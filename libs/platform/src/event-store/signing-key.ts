import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../bootstrap/startup-error.js';

/** Where a development checkpoint signing key is kept when EVENT_STORE_SIGNING_KEY is unset. */
export const DEV_SIGNING_KEY_FILE = '.data/event-store-signing-key.pem';

/**
 * The development signing key at `file`, generated on first use. Several processes (the three apps
 * under docker compose) may start together: the key is written to a private temporary file and
 * linked into place, so each one ends up with the same complete key.
 */
export async function loadOrCreateDevSigningKey(file: string): Promise<{ pem: string; created: boolean }> {
  const target = path.resolve(file);
  try {
    return { pem: await readFile(target, 'utf8'), created: false };
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(target), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, pem, { mode: 0o600 });
  try {
    await link(temporary, target);
    return { pem, created: true };
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    return { pem: await readFile(target, 'utf8'), created: false };
  } finally {
    await unlink(temporary);
  }
}
