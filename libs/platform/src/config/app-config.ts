import type { z } from 'zod';
import { databaseConfigSchema, type DatabaseConfig } from './database.config.js';
import { eventStoreConfigSchema, SECRET_VARIABLES, type EventStoreConfig } from './event-store.config.js';
import { httpConfigSchema, type HttpConfig } from './http.config.js';
import { identityConfigSchema, type IdentityConfig } from './identity.config.js';
import { importsConfigSchema, type ImportsConfig } from './imports.config.js';
import { loggingConfigSchema, type LoggingConfig } from './logging.config.js';
import { redisConfigSchema, type RedisConfig } from './redis.config.js';
import { reportsConfigSchema, type ReportsConfig } from './reports.config.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/** Start-up stops on it with its message as the only line on stderr. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The validated configuration, one part per concern. Injected by this class. */
export class AppConfig {
  constructor(
    readonly http: HttpConfig,
    readonly database: DatabaseConfig,
    readonly redis: RedisConfig,
    readonly eventStore: EventStoreConfig,
    readonly logging: LoggingConfig,
    readonly identity: IdentityConfig,
    readonly imports: ImportsConfig,
    readonly reports: ReportsConfig,
  ) {}

  get production(): boolean {
    return this.http.nodeEnv === 'production';
  }
}

function shown(name: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (SECRET_VARIABLES.has(name)) return 'a value not shown here';
  // Connection strings may carry a password.
  return JSON.stringify(value.replace(/(\/\/[^/@:]*:)[^/@]*@/, '$1***@'));
}

function describe(env: Environment, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    return `${name} ${issue.message} (got ${shown(name, env[name])})`;
  });
}

/**
 * Validates the environment against each concern's schema. Throws one ConfigError naming every bad
 * variable (each once), in one line.
 */
export function loadConfig(env: Environment): AppConfig {
  const problems: string[] = [];
  const parse = <S extends z.ZodType>(schema: S): z.output<S> | undefined => {
    const result = schema.safeParse(env);
    if (result.success) return result.data;
    for (const problem of describe(env, result.error.issues)) {
      if (!problems.includes(problem)) problems.push(problem);
    }
    return undefined;
  };

  const http = parse(httpConfigSchema);
  const database = parse(databaseConfigSchema);
  const redis = parse(redisConfigSchema);
  const eventStore = parse(eventStoreConfigSchema);
  const logging = parse(loggingConfigSchema);
  const identity = parse(identityConfigSchema);
  const imports = parse(importsConfigSchema);
  const reports = parse(reportsConfigSchema);

  if (!http || !database || !redis || !eventStore || !logging || !identity || !imports || !reports) {
    throw new ConfigError(`Configuration error: ${problems.join('; ')}`);
  }
  return new AppConfig(http, database, redis, eventStore, logging, identity, imports, reports);
}
