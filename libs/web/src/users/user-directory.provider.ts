import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { KeycloakAdminUserDirectory, RealmExportUserDirectory, UserDirectory } from '@due-regard/identity';
import { DEFAULT_REALM_FILE } from '@due-regard/identity-provider';
import { WEB_OPTIONS, type WebOptions } from '../config/web-options.js';

/**
 * Names of the people in histories: from the realm export the embedded provider serves, or from
 * Keycloak's Admin REST API with the web client's service account when KEYCLOAK_URL is set (the
 * client needs service accounts enabled and realm-management's `view-users` role).
 */
export function userDirectoryFor(options: WebOptions, realmFile = DEFAULT_REALM_FILE): UserDirectory {
  return options.keycloak === null
    ? new RealmExportUserDirectory(resolve(realmFile))
    : new KeycloakAdminUserDirectory({
        keycloakUrl: options.keycloak.url,
        realm: options.keycloak.realm,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
      });
}

export const userDirectoryProvider: Provider = {
  provide: UserDirectory,
  inject: [WEB_OPTIONS],
  useFactory: (options: WebOptions) => userDirectoryFor(options),
};
