import {
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, of, throwError, type Observable } from 'rxjs';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { NoRequestContextError, RequestContext } from '@due-regard/identity';
import { commandRecordStream } from '../command-record.js';
import { ProblemException, ProblemType } from '@due-regard/platform';
import { IdempotencyStore, type IdempotencyScope } from './idempotency.store.js';
import { bodyHash, fingerprintBody, readIdempotencyKey, requestPath } from './request-fingerprint.js';

/** Headers a repeat answers again, besides the status and body. */
const REPLAYED_HEADERS = ['etag', 'location'] as const;
const METHODS = new Set(['POST', 'PATCH']);

/**
 * `Idempotency-Key` for POST and PATCH, once for every controller that uses it
 * (`@UseInterceptors(IdempotencyInterceptor)`).
 *
 * A key belongs to one council and one signed-in user. The first request with a key claims it; a
 * repeat (same method, path and body hash) gets the first response again (status, body, ETag,
 * Location, plus `Idempotent-Replayed: true`) and records nothing; the same key for another
 * request is refused with 422; a repeat while the first is still running gets 409. A request that
 * fails records nothing and frees its key. Keys are kept for 24 hours.
 *
 * Surviving a crash: the command path appends the key's record in the same atomic append as the
 * command's events. A repeat of a request whose process died after that append takes the key over
 * at once and gets the first answer from the record (nothing is recorded twice); one whose process
 * died before it waits out the key's lock, then runs.
 *
 * A multipart upload is fingerprinted by its fields and the SHA-256 of each file's bytes: list this
 * interceptor after the file interceptor (`@UseInterceptors(FileInterceptor('file'),
 * IdempotencyInterceptor)`), so that the body has been read when the key is claimed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    private readonly context: RequestContext,
    private readonly reflector: Reflector,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async intercept(execution: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (execution.getType() !== 'http') return next.handle();
    const http = execution.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (!METHODS.has(request.method)) return next.handle();
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const scope = this.scopeOf(key);
    if (scope === null) return next.handle();

    const fingerprint = {
      method: request.method,
      path: requestPath(request.originalUrl),
      bodyHash: bodyHash(fingerprintBody(request)),
    };
    const claim = await this.store.claim(scope, fingerprint, () => this.commandCompleted(scope));
    switch (claim.kind) {
      case 'replay': {
        for (const [name, value] of Object.entries(claim.response.headers)) response.setHeader(name, value);
        response.setHeader('Idempotent-Replayed', 'true');
        response.status(claim.response.status);
        return of(JSON.parse(claim.response.body) as unknown);
      }
      case 'mismatch':
        throw new ProblemException({
          status: 422,
          type: `${ProblemType.rule}:idempotency_key_reused`,
          title: 'This Idempotency-Key was used for a different request',
          detail:
            'Send a new Idempotency-Key for a new request; repeat a request only with the key it was first sent with.',
          extensions: { code: 'idempotency_key_reused' },
        });
      case 'in-progress':
        throw new ProblemException({
          status: 409,
          type: `${ProblemType.conflict}:idempotency_key_in_use`,
          title: 'A request with this Idempotency-Key is still being processed',
          detail: 'Wait a moment, then repeat the request with the same key to get its answer.',
          extensions: { code: 'idempotency_key_in_use' },
        });
      case 'claimed':
        break;
    }
    // The command path records the key with the command's events, in the same append.
    this.context.useIdempotencyKey({
      key: scope.key,
      fingerprint: `${fingerprint.method} ${fingerprint.path} ${fingerprint.bodyHash}`,
    });

    const status = this.statusOf(execution, request.method);
    return next.handle().pipe(
      concatMap((body: unknown) => from(this.complete(scope, response, status, body).then(() => body))),
      catchError((error: unknown) => from(this.store.release(scope)).pipe(concatMap(() => throwError(() => error)))),
    );
  }

  /** The council (or `platform`) and the signed-in user; null when nobody is signed in. */
  private scopeOf(key: string): IdempotencyScope | null {
    try {
      const tenant = this.context.tenant();
      return {
        tenantId: tenant.kind === 'council' ? tenant.slug : 'platform',
        actorId: this.context.principal().subject,
        key,
      };
    } catch (error) {
      if (error instanceof NoRequestContextError) return null;
      throw error;
    }
  }

  /** Whether a command sent with this key was recorded (its process may have died before answering). */
  private async commandCompleted(scope: IdempotencyScope): Promise<boolean> {
    return (await this.events.streamVersion(commandRecordStream(scope))) > 0;
  }

  /** What Nest will answer with: the route's @HttpCode, else 201 for POST and 200 otherwise. */
  private statusOf(execution: ExecutionContext, method: string): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, execution.getHandler());
    return declared ?? (method === 'POST' ? 201 : 200);
  }

  private async complete(scope: IdempotencyScope, response: Response, status: number, body: unknown): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = response.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      await this.store.complete(scope, { status, body: JSON.stringify(body ?? null), headers });
    } catch (error) {
      // The change is recorded; only its repeat would not be recognised. Free the key rather than block it.
      this.logger.warn(`Could not keep the response for an Idempotency-Key: ${String(error)}`);
      await this.store.release(scope).catch(() => undefined);
    }
  }
}
