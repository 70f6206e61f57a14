import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadConfig, StartupError, type AppConfig } from '@due-regard/platform';
import { CliError } from './cli-error.js';
import { CliModule } from './cli.module.js';

// `npm run cli -- <command> [options]`, e.g. `npm run cli -- projections:rebuild --council charnwood`.
// Mistakes the operator can fix are one line on stderr and exit code 1.

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function explain(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError || error instanceof StartupError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

let config: AppConfig;
try {
  // Quiet by default: the command prints its own result.
  config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
} catch (error) {
  fail(explain(error));
}

try {
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    cliName: 'npm run cli --',
    // Commander has printed its one-line message ("error: required option ...") already.
    errorHandler: (error) => process.exit('exitCode' in error && error.exitCode === 0 ? 0 : 1),
    serviceErrorHandler: (error) => fail(explain(error)),
  });
} catch (error) {
  fail(explain(error));
}
