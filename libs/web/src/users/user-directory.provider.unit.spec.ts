import { KeycloakAdminUserDirectory, RealmExportUserDirectory } from '@due-regard/identity';
import { loadConfig } from '@due-regard/platform';
import { resolveWebOptions } from '../config/web-options.js';
import { userDirectoryFor } from './user-directory.provider.js';

describe('where the history pages find names', () => {
  it('reads the realm export when the app serves the embedded provider', () => {
    const options = resolveWebOptions(loadConfig({}), {});
    expect(userDirectoryFor(options)).toBeInstanceOf(RealmExportUserDirectory);
  });

  it('asks Keycloak when KEYCLOAK_URL is set', () => {
    const options = resolveWebOptions(loadConfig({ KEYCLOAK_URL: 'https://keycloak.example.org' }), {});
    expect(options.keycloak).toEqual({ url: 'https://keycloak.example.org', realm: 'due-regard' });
    expect(userDirectoryFor(options)).toBeInstanceOf(KeycloakAdminUserDirectory);
  });
});
