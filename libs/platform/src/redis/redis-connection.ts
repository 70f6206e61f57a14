import { Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { errorMessage, StartupError } from '../bootstrap/startup-error.js';
import type { RedisConfig } from '../config/redis.config.js';
import { ServiceUnavailableError } from '../http/problem-details.js';
import { LocalRedisServer, redactedUrl } from './local-redis-server.js';

/** How long an operation on Redis may take before the request answers 503 instead. */
export const REDIS_OPERATION_TIMEOUT_MS = 2_000;

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

  /** Connected now: while it is not, what needs Redis answers 503 at once (see `available`). */
  get ready(): boolean {
    return this.client.status === 'ready';
  }

  /**
   * Runs an operation that needs Redis (queueing a job) or refuses it with ServiceUnavailableError:
   * at once while the platform's client is disconnected, or when it takes longer than
   * `timeoutMs` (BullMQ's own connections wait for Redis for ever). The operation is not cancelled
   * by the timeout: it completes, or fails, when Redis answers again.
   */
  async available<T>(what: string, operation: () => Promise<T>, timeoutMs = REDIS_OPERATION_TIMEOUT_MS): Promise<T> {
    const unavailable = (): ServiceUnavailableError =>
      new ServiceUnavailableError(
        `Cannot ${what} now: the service's queue store (Redis) does not answer. Try again in a minute.`,
      );
    if (!this.ready) throw unavailable();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable()), timeoutMs);
    });
    try {
      return await Promise.race([operation(), timeout]);
    } finally {
      clearTimeout(timer);
    }
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
