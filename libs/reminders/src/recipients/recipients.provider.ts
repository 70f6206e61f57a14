import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { DEFAULT_REALM_FILE } from '@due-regard/identity-provider';
import { AppConfig } from '@due-regard/platform';
import { KeycloakGroupRecipients } from './keycloak-group.recipients.js';
import { RealmExportRecipients } from './realm-export.recipients.js';
import { Recipients } from './recipients.js';

/** The web's confidential client in the realm: its service account reads the group members. */
const WEB_CLIENT_ID = 'due-regard-web';
/** The realm export's development secret of that client, as the web itself falls back to outside production. */
const DEVELOPMENT_CLIENT_SECRET = 'due-regard-web-dev-secret';

/**
 * Keycloak's group members when KEYCLOAK_URL is set, with the service account of the web's client
 * (WEB_CLIENT_SECRET), as the user directory uses; the embedded provider's realm export otherwise.
 */
export function recipientsFor(config: AppConfig, clientSecret: string | undefined): Recipients {
  const { keycloakUrl, realm } = config.identity;
  if (keycloakUrl === null) return new RealmExportRecipients(resolve(DEFAULT_REALM_FILE));
  const secret = clientSecret?.trim() ?? '';
  if (secret === '' && config.production) {
    throw new Error('WEB_CLIENT_SECRET must be set with KEYCLOAK_URL: reminders look up group members with it');
  }
  return new KeycloakGroupRecipients({
    keycloakUrl,
    realm,
    clientId: WEB_CLIENT_ID,
    clientSecret: secret === '' ? DEVELOPMENT_CLIENT_SECRET : secret,
  });
}

export const recipientsProvider: Provider = {
  provide: Recipients,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => recipientsFor(config, process.env['WEB_CLIENT_SECRET']),
};
