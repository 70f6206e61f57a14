import type { AppConfig } from '../config/app-config.js';

/** A connection string as an operator may see it in a log: any password replaced. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^/@:]*:)[^/@]*@/, '$1***@');
  }
}

/**
 * One start-up line naming what this process uses: which PostgreSQL, which Redis (and the prefix
 * its keys go under), which event store and which identity provider. It is the first thing an
 * operator looks for when two instances seem to see different data.
 */
export function describeConnections(config: AppConfig): string {
  const { database, redis, eventStore, identity } = config;
  const postgres =
    database.url === undefined
      ? `embedded PostgreSQL (port ${database.embedded.port}, data in ${database.embedded.dataDir})`
      : `PostgreSQL ${withoutPassword(database.url)}`;
  const store =
    eventStore.backend.kind === 'eventstoredb'
      ? `event store KurrentDB ${withoutPassword(eventStore.backend.url)}`
      : 'event store in PostgreSQL';
  const provider =
    identity.keycloakUrl === null
      ? `embedded identity provider at ${identity.publicUrl}/realms/${identity.realm}`
      : `Keycloak ${identity.keycloakUrl}/realms/${identity.realm}`;
  return `Using ${postgres}; Redis ${withoutPassword(redis.url)} (keys under "${redis.keyPrefix}:"); ${store}; ${provider}`;
}
