import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createHttpApplication, loadConfig, type AppConfig } from '@due-regard/platform';
import { createTestDatabase, generateSigningKeyPem, type TestDatabase } from '@due-regard/testing';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';

export const DEMO_PASSWORD = 'demo';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface RunningApp {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly port: number;
  /** The bare domain: platform API and the embedded identity provider. */
  readonly platformUrl: string;
  /** What to send as Host to reach a council's sub-domain. */
  councilHost(slug: string): string;
  /** An access token from the embedded provider (password grant, due-regard-cli). */
  tokenFor(username: string): Promise<string>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The whole application, as `npm start` runs it, on a fresh database and a free port: the demo
 * councils are registered and the embedded identity provider serves the demo users.
 */
export async function startDueRegard(environment: Record<string, string> = {}): Promise<RunningApp> {
  const database: TestDatabase = await createTestDatabase('dr_e2e');
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_URL,
    EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
    LOG_LEVEL: 'error',
    ...environment,
  });
  const app = await createHttpApplication(config, [StandaloneModule.forRoot(config)]);
  try {
    await app.listen(port);
  } catch (error) {
    await app.close();
    await database.drop();
    throw error;
  }
  const platformUrl = `http://localhost:${port}`;
  return {
    app,
    config,
    port,
    platformUrl,
    councilHost: (slug) => `${slug}.localhost:${port}`,
    tokenFor: async (username) => {
      const response = await fetch(`${platformUrl}/realms/due-regard/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'due-regard-cli',
          username,
          password: DEMO_PASSWORD,
          scope: 'openid',
        }),
      });
      const body = (await response.json()) as { access_token?: string; error_description?: string };
      if (!response.ok || !body.access_token)
        throw new Error(`No token for ${username}: ${body.error_description ?? response.status}`);
      return body.access_token;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
