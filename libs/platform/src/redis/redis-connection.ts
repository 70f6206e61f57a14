import { Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { errorMessage, StartupError } from '../bootstrap/startup-error.js';
import type { RedisConfig } from '../config/redis.config.js';
import { LocalRedisServer, redactedUrl } from './local-redis-server.js';

export const sessionKeyPrefix = (keyPrefix: string): string => `${keyPrefix}:web-session:`;

/**
 * Redis for the whole process: REDIS_URL (a local redis-server is started when nothing answers
 * there), with one client for platform commands (health). BullMQ opens its own connections to `url`.
 */
export class RedisConnection implements BeforeApplicationShutdown, OnApplicationShutdown {
  private static readonly logger = new Logger('Redis');

  private constructor(
    readonly url: string,
    /** REDIS_KEY_PREFIX: what this instance's keys start with. */
    readonly keyPrefix: string,
    readonly client: Redis,
    private readonly server: LocalRedisServer | null,
  ) {}

  static async open(config: RedisConfig): Promise<RedisConnection> {
    const server = await LocalRedisServer.ensure({
      url: config.url,
      dataDir: config.dataDir,
      onLog: (line) => RedisConnection.logger.debug(line.trimEnd()),
    });
    if (server) {
      RedisConnection.logger.log(
        `Nothing answered at REDIS_URL: started redis-server (pid ${server.pid}, data in ${config.dataDir})`,
      );
    }

    const client = new Redis(config.url, {
      lazyConnect: true,
      // Fail commands at once while disconnected, so that a health check reports Redis down
      // instead of waiting for a reconnection.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    let lastError = '';
    client.on('error', (error: Error) => {
      if (error.message !== lastError) RedisConnection.logger.warn(`Redis connection: ${error.message}`);
      lastError = error.message;
    });
    client.on('ready', () => {
      lastError = '';
    });
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      await server?.stop();
      throw new StartupError(`Cannot connect to Redis at ${redactedUrl(new URL(config.url))}: ${errorMessage(error)}`);
    }
    return new RedisConnection(config.url, config.keyPrefix, client, server);
  }

  /** What every BullMQ queue, worker and root module of the platform is registered with. */
  queueOptions(): { prefix: string; connection: { url: string; maxRetriesPerRequest: null } } {
    // Workers block on Redis: BullMQ requires commands never to give up retrying.
    return { prefix: this.keyPrefix, connection: { url: this.url, maxRetriesPerRequest: null } };
  }

  /** Where the web keeps its server-side sessions. */
  get sessionKeyPrefix(): string {
    return sessionKeyPrefix(this.keyPrefix);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.server) {
      await this.server.stop();
      RedisConnection.logger.log('redis-server stopped');
    }
  }
}
