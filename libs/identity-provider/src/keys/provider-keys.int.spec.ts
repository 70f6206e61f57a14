import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateProviderKeys } from './provider-keys.js';

describe("the identity provider's signing keys on disk", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'dr-provider-keys-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps its own directory private and leaves the shared data directory above it reachable', async () => {
    const keysDirectory = path.join(root, '.data', 'identity');
    const first = await loadOrCreateProviderKeys(keysDirectory);

    expect((await stat(keysDirectory)).mode & 0o777).toBe(0o700);
    // The embedded PostgreSQL's data lives beside it, under the same `.data/`.
    expect((await stat(path.join(root, '.data'))).mode & 0o777).toBe(0o755);
    expect((await loadOrCreateProviderKeys(keysDirectory)).kid).toBe(first.kid);
  });
});
