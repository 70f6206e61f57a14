import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { RequestContext } from '@due-regard/identity';
import { ReadYourWrites } from './read-your-writes.js';

/** Tells a client how fresh a read-model answer is. */
export const FRESHNESS_HEADER = 'X-Read-Model';

/**
 * Before a read-model GET answers, waits (at most 2 s) for the projection to pass the council's
 * newest event. Answers `X-Read-Model: current`, or `stale` with a `Warning: 110` when it gave up
 * waiting (the answer may miss the latest changes).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly context: RequestContext,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = execution.switchToHttp();
    const response = http.getResponse<Response>();
    // `?asOf=` reads events, not the read model.
    if (http.getRequest<Request>().query['asOf'] !== undefined) return next.handle();
    return from(this.readYourWrites.awaitProjection(this.context.councilSlug())).pipe(
      switchMap((freshness) => {
        response.setHeader(FRESHNESS_HEADER, freshness);
        if (freshness === 'stale') {
          response.setHeader(
            'Warning',
            '110 - "Response is Stale: the read model has not caught up with the latest changes"',
          );
        }
        return next.handle();
      }),
    );
  }
}
