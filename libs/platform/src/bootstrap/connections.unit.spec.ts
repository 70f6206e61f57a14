import { loadConfig } from '../config/app-config.js';
import { describeConnections, withoutPassword } from './connections.js';

describe('the start-up line naming what a process uses', () => {
  it('names PostgreSQL, Redis with its key prefix, the event store and Keycloak, without passwords', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://due:s3cret@db.internal:5432/due_regard',
      REDIS_URL: 'redis://:redis-pass@cache.internal:6380',
      KEYCLOAK_URL: 'https://id.example.gov.uk/',
    });
    const line = describeConnections(config);
    expect(line).toBe(
      'Using PostgreSQL postgres://due:***@db.internal:5432/due_regard; Redis redis://:***@cache.internal:6380 ' +
        '(keys under "due-regard:"); event store in PostgreSQL; Keycloak https://id.example.gov.uk/realms/due-regard',
    );
    expect(line).not.toContain('s3cret');
    expect(line).not.toContain('redis-pass');
  });

  it('names an embedded PostgreSQL, KurrentDB and the embedded identity provider', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_URL: 'esdb://admin:changeit@kurrent:2113?tls=false',
      PORT: '3100',
    });
    const line = describeConnections(config);
    expect(line).toMatch(/^Using embedded PostgreSQL \(port \d+, data in [^)]+\); /);
    expect(line).toContain('event store KurrentDB esdb://admin:***@kurrent:2113?tls=false');
    expect(line).toContain('embedded identity provider at http://localhost:3100/realms/due-regard');
  });

  it('leaves a connection string without a password as it is', () => {
    expect(withoutPassword('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
