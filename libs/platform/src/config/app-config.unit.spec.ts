import { AppConfig, ConfigError, loadConfig } from './app-config.js';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loading the configuration', () => {
  it('starts with no configuration at all', () => {
    const config = loadConfig({});
    expect(config).toBeInstanceOf(AppConfig);
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.eventStore.backend.kind).toBe('postgres');
    expect(config.logging.level).toBe('info');
    expect(config.production).toBe(false);
  });

  it('names the variable, what it must be and what it got, in one line', () => {
    expect(errorOf({ PORT: 'abc' })).toBe('Configuration error: PORT must be an integer from 1 to 65535 (got "abc")');
  });

  it('lists every bad variable once, still in one line', () => {
    const message = errorOf({ PORT: 'abc', NODE_ENV: 'staging', LOG_LEVEL: 'loud' });
    expect(message.split('\n')).toHaveLength(1);
    expect(message.match(/NODE_ENV/g)).toHaveLength(1);
    expect(message).toContain('PORT must be');
    expect(message).toContain('LOG_LEVEL must be one of');
  });

  it('says "got nothing" for a missing required variable', () => {
    expect(errorOf({ EVENT_STORE: 'eventstoredb' })).toMatch(
      /^Configuration error: EVENTSTORE_URL must be set when EVENT_STORE is eventstoredb.*\(got nothing\)$/,
    );
  });

  it('never shows a signing key or a password', () => {
    expect(errorOf({ EVENT_STORE_SIGNING_KEY: 'super-secret' })).not.toContain('super-secret');
    const message = errorOf({ DATABASE_URL: 'mysql://app:hunter2@db/x' });
    expect(message).not.toContain('hunter2');
    expect(message).toContain('mysql://app:***@db/x');
  });
});
