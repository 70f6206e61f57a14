import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createHttpApplication, loadConfig, type AppConfig } from '@due-regard/platform';
import { createTestDatabase, type TestDatabase, testEnvironment } from '@due-regard/testing';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';

/**
 * The realm export registers the web client's redirect and post-logout URIs on port 3000 only
 * (`http://localhost:3000/*`, `http://charnwood.localhost:3000/*`, ...), as Keycloak would: a
 * sign-in through the provider's page works only there. So the browser suite runs the whole app,
 * as `npm start` does, at http://localhost:3000 (the e2e suites use free ports).
 */
export const BROWSER_PORT = 3000;
export const PLATFORM_URL = `http://localhost:${BROWSER_PORT}`;

export function councilUrl(slug: string, path = '/'): string {
  return `http://${slug}.localhost:${BROWSER_PORT}${path}`;
}

export interface DueRegardForBrowser {
  readonly app: INestApplication;
  readonly config: AppConfig;
  close(): Promise<void>;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** `environment` overrides the configuration, e.g. a Redis database of the suite's own for its jobs. */
export async function startDueRegardOnPort3000(environment: Record<string, string> = {}): Promise<DueRegardForBrowser> {
  if (!(await portIsFree(BROWSER_PORT))) {
    throw new Error(
      `Port ${BROWSER_PORT} is in use. The browser suite needs it: the realm's redirect URIs name it. ` +
        'Stop whatever listens there (`npm start`?) and run the suite again.',
    );
  }
  const database: TestDatabase = await createTestDatabase('dr_browser');
  const config = loadConfig(testEnvironment(database.url, { PORT: String(BROWSER_PORT), ...environment }));
  const app = await createHttpApplication(config, [StandaloneModule.forRoot(config)]);
  try {
    await app.listen(BROWSER_PORT);
  } catch (error) {
    await app.close();
    await database.drop();
    throw error;
  }
  return {
    app,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
