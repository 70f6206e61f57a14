import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SYSTEM_PRINCIPAL } from '../tokens/principal.js';
import { RealmExportUserDirectory } from './realm-export.user-directory.js';
import { namesFor } from './user-directory.js';

const REALM_FILE = resolve(import.meta.dirname, '../../../../infra/keycloak/due-regard-realm.json');
const GRACE = '6342acf9-8892-484d-aea4-7a693e741c33';
const DANIEL = '0ff633ed-028c-4b4d-a3e6-1d346d50e2db';

describe('names from the realm export the embedded provider serves', () => {
  const directory = new RealmExportUserDirectory(REALM_FILE);

  it('names the demo users by first and last name, and leaves out ids it does not know', async () => {
    const names = await directory.displayNames([GRACE, DANIEL, 'no-such-id']);
    expect(Object.fromEntries(names)).toEqual({ [GRACE]: 'Grace Okafor', [DANIEL]: 'Daniel Kowalski' });
  });

  it('gives every id a name to show: unknown ids and the platform itself included', async () => {
    const names = await namesFor(directory, [GRACE, 'gone-user', SYSTEM_PRINCIPAL.subject, GRACE]);
    expect(Object.fromEntries(names)).toEqual({
      [GRACE]: 'Grace Okafor',
      'gone-user': 'Unknown user (gone-user)',
      [SYSTEM_PRINCIPAL.subject]: 'Due Regard',
    });
  });

  it('falls back to the username when a user has no name, and says which file it could not read', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'realm-'));
    try {
      const file = join(folder, 'realm.json');
      await writeFile(file, JSON.stringify({ users: [{ id: 'u-1', username: 'service.desk' }] }));
      expect(Object.fromEntries(await new RealmExportUserDirectory(file).displayNames(['u-1']))).toEqual({
        'u-1': 'service.desk',
      });
      await expect(new RealmExportUserDirectory(join(folder, 'missing.json')).displayNames(['u-1'])).rejects.toThrow(
        /missing\.json/,
      );
    } finally {
      await rm(folder, { recursive: true });
    }
  });
});
