import type { IncomingMessage, ServerResponse } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorMessage } from '../bootstrap/startup-error.js';
import { ConcurrencyError, InvalidEventError } from '@due-regard/event-store';
import { DomainConflict, DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  ProblemType,
  RETRY_AFTER_SECONDS,
  statusTitle,
  type ProblemDetails,
} from './problem-details.js';

function detailOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  if ('message' in response) {
    const { message } = response;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
  }
  return fallback;
}

/** Errors from Express middleware (body-parser's http-errors) carry their status and say if it may be shown. */
function exposedHttpError(exception: unknown): { status: number; message: string } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const status =
    'status' in exception ? exception.status : 'statusCode' in exception ? exception.statusCode : undefined;
  const expose = 'expose' in exception && exception.expose === true;
  if (typeof status === 'number' && status >= 400 && status < 500 && expose)
    return { status, message: errorMessage(exception) };
  return null;
}

export function toProblem(exception: unknown, request?: IncomingMessage): ProblemDetails {
  if (exception instanceof ProblemException) return exception.problem;
  const domain = domainProblem(exception, request);
  if (domain) return domain;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      type: 'about:blank',
      title: statusTitle(status),
      status,
      detail: detailOf(exception.getResponse(), exception.message),
    };
  }
  const httpError = exposedHttpError(exception);
  if (httpError) {
    return {
      type: 'about:blank',
      title: statusTitle(httpError.status),
      status: httpError.status,
      detail: httpError.message,
    };
  }
  return {
    type: ProblemType.internal,
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'The error has been logged. If it keeps happening, contact support and quote the request id.',
  };
}

/** Refusals from the domain and the event store, in HTTP terms. */
function domainProblem(exception: unknown, request?: IncomingMessage): ProblemDetails | null {
  if (exception instanceof DomainRuleViolation) {
    return {
      type: `${ProblemType.rule}:${exception.code}`,
      title: 'Your request breaks a rule',
      status: 422,
      detail: exception.message,
      code: exception.code,
      ...(exception.field === undefined
        ? {}
        : {
            errors: [
              { in: 'body', field: exception.field, pointer: `#/${exception.field}`, detail: exception.message },
            ],
          }),
    };
  }
  if (exception instanceof DomainConflict) {
    return {
      type: `${ProblemType.conflict}:${exception.code}`,
      title: 'This conflicts with what exists',
      status: 409,
      detail: exception.message,
      code: exception.code,
    };
  }
  if (exception instanceof NotFound) {
    return { type: 'about:blank', title: statusTitle(404), status: 404, detail: exception.message };
  }
  if (exception instanceof ConcurrencyError) {
    // With If-Match the client named the version it saw; without, someone else wrote first.
    const precondition = request?.headers['if-match'] !== undefined;
    return {
      type: ProblemType.staleVersion,
      title: precondition ? 'This changed since you read it' : 'Someone else changed this at the same moment',
      status: precondition ? 412 : 409,
      detail: `You worked from version ${String(exception.expected)}; it is now at version ${exception.actual}. Read it again, then repeat your change.`,
      currentVersion: exception.actual,
    };
  }
  if (exception instanceof InvalidEventError) {
    return { type: ProblemType.validation, title: 'Your request is not valid', status: 400, detail: exception.message };
  }
  return null;
}

function instanceOf(request: IncomingMessage & { originalUrl?: string }): string {
  const url = request.originalUrl ?? request.url ?? '/';
  // The query may carry tokens; the path names the occurrence well enough.
  return url.split('?')[0] ?? '/';
}

/** Every HTTP error leaves as RFC 9457 problem details (application/problem+json). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage & { originalUrl?: string; id?: unknown }>();
    const response = http.getResponse<ServerResponse>();
    const problem = toProblem(exception, request);
    const requestId = typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : undefined;

    if (problem.status >= 500) {
      const summary = `${request.method ?? ''} ${instanceOf(request)} answered ${problem.status}: ${problem.detail ?? problem.title}`;
      if (exception instanceof HttpException) {
        // Deliberate (a 503 from /health): what happened is in the detail, no stack needed.
        this.logger.warn(summary);
      } else {
        const stack =
          typeof exception === 'object' && exception !== null && 'stack' in exception
            ? String(exception.stack)
            : undefined;
        this.logger.error(`${summary} (${errorMessage(exception)})`, stack);
      }
    }
    if (response.headersSent) return;

    const body: ProblemDetails = {
      ...problem,
      instance: instanceOf(request),
      ...(requestId === undefined ? {} : { requestId }),
    };
    const { httpAdapter } = this.adapterHost;
    httpAdapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    if (problem.status === 503) httpAdapter.setHeader(response, 'Retry-After', String(RETRY_AFTER_SECONDS));
    httpAdapter.reply(response, body, problem.status);
  }
}
