import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createHttpApplication, loadConfig, type AppConfig } from '@due-regard/platform';
import { createTestDatabase, demoUserTokens, type TestDatabase, testEnvironment } from '@due-regard/testing';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';

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

/** A TCP port nothing listens on now, for an app of a test's own. */
export async function freePort(): Promise<number> {
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
  const config = loadConfig(testEnvironment(database.url, { PORT: String(port), ...environment }));
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
    tokenFor: async (username) => (await demoUserTokens(platformUrl, username)).access_token,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
