import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ProblemException, ProblemType } from './problem-details.js';

/** Where `@ApiConsumes` keeps its media types (@nestjs/swagger does not export its key constants). */
const API_CONSUMES = 'swagger/apiConsumes';

/** What an API operation takes when it declares nothing else with `@ApiConsumes`. */
export const DEFAULT_API_MEDIA_TYPES: readonly string[] = ['application/json'];

/** The API's paths; the web's forms and the identity provider's OAuth endpoints post elsewhere. */
const API_PATH = /^\/api\//;

/** Whether the request carries a body: one of some length, or a chunked one. */
function carriesBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? '0');
  return Number.isFinite(length) && length > 0;
}

/**
 * Refuses a body the API operation does not take with 415 before anything runs: a `text/plain` or
 * form-encoded body on a JSON endpoint would otherwise reach the handler as an empty object and run
 * the command with defaults, dropping the client's data. The media types are the ones the OpenAPI
 * document gives the operation (`@ApiConsumes`, JSON when it says nothing), so the two cannot drift
 * apart.
 */
@Injectable()
export class ApiMediaTypesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!API_PATH.test(request.path) || !carriesBody(request)) return next.handle();
    const declared = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const accepted = declared ?? DEFAULT_API_MEDIA_TYPES;
    if (request.headers['content-type'] !== undefined && request.is([...accepted]) !== false) {
      return next.handle();
    }
    const sent = request.headers['content-type'] ?? 'no Content-Type';
    throw new ProblemException({
      status: 415,
      type: ProblemType.unsupportedMediaType,
      title: 'This endpoint does not take that kind of body',
      detail: `Send the body as ${accepted.join(' or ')}, not ${sent}`,
      extensions: { accepted },
    });
  }
}
