import { Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { errorMessage, StartupError } from '../bootstrap/startup-error.js';
import type { DatabaseConfig } from '../config/database.config.js';
import { EmbeddedPostgresServer } from './embedded-postgres.js';

/** The database an embedded PostgreSQL holds Due Regard's data in. */
export const EMBEDDED_DATABASE_NAME = 'due_regard';

function redact(connectionString: string): string {
  return connectionString.replace(/(\/\/[^/@:]*:)[^/@]*@/, '$1***@');
}

/**
 * The PostgreSQL everything else connects to: DATABASE_URL, or an embedded server started here and
 * stopped on shutdown. Holds a small pool for platform queries (health).
 */
export class Database implements BeforeApplicationShutdown, OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  private constructor(
    readonly connectionString: string,
    readonly pool: pg.Pool,
    private readonly embedded: EmbeddedPostgresServer | null,
  ) {}

  static async open(config: DatabaseConfig): Promise<Database> {
    let embedded: EmbeddedPostgresServer | null = null;
    let connectionString: string;
    if (config.url === undefined) {
      Database.logger.log(`DATABASE_URL is not set: starting an embedded PostgreSQL in ${config.embedded.dataDir}`);
      embedded = await EmbeddedPostgresServer.start({
        dataDir: config.embedded.dataDir,
        port: config.embedded.port,
        database: EMBEDDED_DATABASE_NAME,
        onLog: (line) => Database.logger.debug(line.trimEnd()),
      });
      connectionString = embedded.connectionString;
      Database.logger.log(`Embedded PostgreSQL is up on 127.0.0.1:${config.embedded.port}`);
    } else {
      connectionString = config.url;
    }

    const pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 30_000 });
    // An idle client whose server went away emits 'error' on the pool; unheard, it would crash us.
    pool.on('error', (error) => Database.logger.warn(`PostgreSQL connection lost: ${error.message}`));
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      await embedded?.stop();
      throw new StartupError(`Cannot connect to PostgreSQL at ${redact(connectionString)}: ${errorMessage(error)}`);
    }
    return new Database(connectionString, pool, embedded);
  }

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Clients close first (beforeApplicationShutdown), the server last. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.embedded) {
      await this.embedded.stop();
      Database.logger.log('Embedded PostgreSQL stopped');
    }
  }
}
