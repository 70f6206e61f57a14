import { generateSigningKeyPem } from './signing-keys.js';

/** The Redis every test run uses: TEST_REDIS_URL, or the machine's own. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * The environment a test loads the app's configuration from: its own database, the test Redis, a
 * fresh event-store signing key and quiet logs; `overrides` win.
 */
export function testEnvironment(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
    LOG_LEVEL: 'error',
    ...overrides,
  };
}
