import {
  Logger as NestLogger,
  Module,
  type DynamicModule,
  type INestApplication,
  type INestApplicationContext,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, ConfigError, loadConfig } from '../config/app-config.js';
import { configureHttpApplication } from '../http/configure-http.js';
import { PlatformModule } from '../platform.module.js';
import { describeConnections } from './connections.js';
import { errorCode, errorMessage, StartupError } from './startup-error.js';

export type FeatureModule = Type | DynamicModule;

@Module({})
class DueRegardApplication {
  static forRoot(config: AppConfig, features: readonly FeatureModule[]): DynamicModule {
    return { module: DueRegardApplication, imports: [PlatformModule.forRoot(config), ...features] };
  }
}

// Nest would print a failed start-up with stack traces (and abort the process by default); we
// report it ourselves, in one line when the operator can fix it.
const NEST_OPTIONS = { bufferLogs: true, autoFlushLogs: false, abortOnError: false } as const;

/**
 * Closes the application on SIGTERM/SIGINT/SIGHUP, then exits with 0 through process.exit(), so
 * that the exit handlers flush the last log lines.
 */
function enableShutdown(app: INestApplicationContext): void {
  app.enableShutdownHooks(['SIGTERM', 'SIGINT', 'SIGHUP'], { useProcessExit: true });
}

function usePinoLogger(app: INestApplicationContext): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
}

/** The HTTP application (not yet listening): platform, the given feature modules, helmet, OpenAPI. */
export async function createHttpApplication(
  config: AppConfig,
  features: readonly FeatureModule[],
): Promise<INestApplication> {
  const app = await NestFactory.create(DueRegardApplication.forRoot(config, features), NEST_OPTIONS);
  usePinoLogger(app);
  configureHttpApplication(app, config);
  return app;
}

/** An application without an HTTP listener (worker, projector), initialised. */
export async function createBackgroundApplication(
  config: AppConfig,
  features: readonly FeatureModule[],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(DueRegardApplication.forRoot(config, features), NEST_OPTIONS);
  usePinoLogger(app);
  return app;
}

/** Prints why start-up failed (one line when the operator can fix it) and exits with 1. */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const detail = error instanceof Error && error.stack ? error.stack : errorMessage(error);
    process.stderr.write(`Due Regard could not start: ${detail}\n`);
  }
  // Exit hooks stop any PostgreSQL or Redis child started before the failure.
  process.exit(1);
}

function configFromEnvironment(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    return exitOnStartupFailure(error);
  }
}

async function listen(app: INestApplication, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    if (errorCode(error) === 'EADDRINUSE') {
      throw new StartupError(`Port ${port} is already in use: stop whatever listens there, or set PORT to a free port`);
    }
    throw error;
  }
}

/** The feature modules of an app, built from the validated configuration. */
export type Features = (config: AppConfig) => readonly FeatureModule[];

/** main() of an HTTP app: validate configuration, start, listen, stop cleanly on SIGTERM/SIGINT. */
export async function runHttpApplication(name: string, features: Features): Promise<void> {
  const config = configFromEnvironment();
  try {
    const app = await createHttpApplication(config, features(config));
    enableShutdown(app);
    await listen(app, config.http.port);
    const url = config.identity.publicUrl;
    const logger = new NestLogger('Bootstrap');
    logger.log(describeConnections(config));
    logger.log(`${name} listening on ${url} (health: /health, API docs: /api/docs)`);
  } catch (error) {
    exitOnStartupFailure(error);
  }
}

/** main() of an app without HTTP: validate configuration, start, run until SIGTERM/SIGINT. */
export async function runBackgroundApplication(name: string, features: Features): Promise<void> {
  const config = configFromEnvironment();
  try {
    const app = await createBackgroundApplication(config, features(config));
    enableShutdown(app);
    // Nothing in an application context is bound to keep the event loop busy (idle pool clients
    // time out): hold it open until a signal ends the process.
    setInterval(() => undefined, 2 ** 30);
    const logger = new NestLogger('Bootstrap');
    logger.log(describeConnections(config));
    logger.log(`${name} running`);
  } catch (error) {
    exitOnStartupFailure(error);
  }
}
