import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Database } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { IDEMPOTENCY_SCHEMA, migrateIdempotencyStore } from './idempotency.migrations.js';

/** Whose key it is: keys are per council and per signed-in user, never shared between them. */
export interface IdempotencyScope {
  readonly tenantId: string;
  readonly actorId: string;
  readonly key: string;
}

/** What must be the same for a repeat to be a repeat. */
export interface RequestFingerprint {
  readonly method: string;
  readonly path: string;
  readonly bodyHash: string;
}

export interface StoredResponse {
  readonly status: number;
  /** The JSON body as first sent. */
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type Claim =
  /** The key is new (or its earlier use expired, or failed): go ahead, then complete or release it. */
  | { readonly kind: 'claimed' }
  /** The same request was answered already: answer it again. */
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  /** The key was used for a different request (method, path or body). */
  | { readonly kind: 'mismatch' }
  /** The same request is being processed right now. */
  | { readonly kind: 'in-progress' };

/** How long a key answers repeats. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a request may hold its key unanswered before a repeat may take over (the first one died). */
export const IDEMPOTENCY_LOCK_MS = 2 * 60 * 1000;
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

interface Row {
  method: string;
  path: string;
  body_hash: string;
  state: 'in-progress' | 'completed';
  response_status: number | null;
  response_body: string | null;
  response_headers: Record<string, string> | null;
}

/**
 * Idempotency keys and the first responses they answered, in PostgreSQL (schema
 * `http_idempotency`, created by a versioned migration at start-up), kept for 24 hours.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  private lastPurge = 0;

  constructor(
    private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateIdempotencyStore(this.database.pool);
  }

  /** Claims the key for this request, or says why not. */
  async claim(
    scope: IdempotencyScope,
    request: RequestFingerprint,
    recorded: () => Promise<boolean> = () => Promise.resolve(false),
  ): Promise<Claim> {
    const now = this.clock.now();
    await this.purgeExpired(now);
    const key = [scope.tenantId, scope.actorId, scope.key];
    // A row deleted between the insert and the read (its request failed) means: try again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await this.database.pool.query(
        `DELETE FROM ${IDEMPOTENCY_SCHEMA}.requests
          WHERE tenant_id = $1 AND actor_id = $2 AND idempotency_key = $3
            AND (expires_at <= $4 OR (state = 'in-progress' AND locked_until <= $4))`,
        [...key, now],
      );
      const inserted = await this.database.pool.query(
        `INSERT INTO ${IDEMPOTENCY_SCHEMA}.requests
           (tenant_id, actor_id, idempotency_key, method, path, body_hash, state, locked_until, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'in-progress', $7, $8, $9)
         ON CONFLICT DO NOTHING`,
        [
          ...key,
          request.method,
          request.path,
          request.bodyHash,
          new Date(now.getTime() + IDEMPOTENCY_LOCK_MS),
          now,
          new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        ],
      );
      if (inserted.rowCount === 1) return { kind: 'claimed' };
      const { rows } = await this.database.pool.query<Row>(
        `SELECT method, path, body_hash, state, response_status, response_body, response_headers
           FROM ${IDEMPOTENCY_SCHEMA}.requests
          WHERE tenant_id = $1 AND actor_id = $2 AND idempotency_key = $3`,
        key,
      );
      const row = rows[0];
      if (row === undefined) continue;
      if (row.method !== request.method || row.path !== request.path || row.body_hash !== request.bodyHash) {
        return { kind: 'mismatch' };
      }
      if (row.state === 'in-progress' || row.response_status === null || row.response_body === null) {
        // Its command was recorded but never answered (the process died): take the key over; the
        // command path answers from the record and records nothing again.
        if (await recorded()) {
          await this.database.pool.query(
            `UPDATE ${IDEMPOTENCY_SCHEMA}.requests SET locked_until = $4
              WHERE tenant_id = $1 AND actor_id = $2 AND idempotency_key = $3 AND state = 'in-progress'`,
            [...key, new Date(now.getTime() + IDEMPOTENCY_LOCK_MS)],
          );
          return { kind: 'claimed' };
        }
        return { kind: 'in-progress' };
      }
      return {
        kind: 'replay',
        response: { status: row.response_status, body: row.response_body, headers: row.response_headers ?? {} },
      };
    }
    return { kind: 'in-progress' };
  }

  /** Keeps the response the claimed key answered, for its repeats. */
  async complete(scope: IdempotencyScope, response: StoredResponse): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${IDEMPOTENCY_SCHEMA}.requests
          SET state = 'completed', response_status = $4, response_body = $5, response_headers = $6::jsonb
        WHERE tenant_id = $1 AND actor_id = $2 AND idempotency_key = $3 AND state = 'in-progress'`,
      [scope.tenantId, scope.actorId, scope.key, response.status, response.body, JSON.stringify(response.headers)],
    );
  }

  /** The request failed and recorded nothing: the key is free again, for a corrected request. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.database.pool.query(
      `DELETE FROM ${IDEMPOTENCY_SCHEMA}.requests
        WHERE tenant_id = $1 AND actor_id = $2 AND idempotency_key = $3 AND state = 'in-progress'`,
      [scope.tenantId, scope.actorId, scope.key],
    );
  }

  /** Forgets expired keys, at most every few minutes per process. */
  private async purgeExpired(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now.getTime();
    await this.database.pool.query(`DELETE FROM ${IDEMPOTENCY_SCHEMA}.requests WHERE expires_at <= $1`, [now]);
  }
}
