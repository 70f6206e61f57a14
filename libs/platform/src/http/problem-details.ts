import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs of our own. Plain HTTP errors use `about:blank` (RFC 9457, section 4.2.1). */
export const ProblemType = {
  validation: 'urn:due-regard:problem:validation',
  rule: 'urn:due-regard:problem:rule',
  conflict: 'urn:due-regard:problem:conflict',
  staleVersion: 'urn:due-regard:problem:stale-version',
  internal: 'urn:due-regard:problem:internal',
  unsupportedMediaType: 'urn:due-regard:problem:unsupported-media-type',
  unavailable: 'urn:due-regard:problem:service-unavailable',
} as const;

export interface FieldError {
  /** Where the value came from: body, query, param. */
  readonly in: string;
  /** Dotted path of the field, e.g. `title` or `actions.0.due`. */
  readonly field: string;
  /** JSON Pointer into the request part, e.g. `#/actions/0/due`. */
  readonly pointer: string;
  readonly detail: string;
}

/** RFC 9457 problem details, with extension members alongside the standard ones. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export interface ProblemInit {
  readonly status: number;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** Throw from a controller to answer with exactly this problem. */
export class ProblemException extends HttpException {
  readonly problem: ProblemDetails;

  constructor(init: ProblemInit) {
    const problem: ProblemDetails = {
      ...init.extensions,
      type: init.type ?? 'about:blank',
      title: init.title ?? statusTitle(init.status),
      status: init.status,
      ...(init.detail === undefined ? {} : { detail: init.detail }),
    };
    super(problem, init.status);
    this.message = init.detail ?? problem.title;
    this.problem = problem;
  }
}

/** A request part failed its schema; each failing field is named in `errors`. */
export class RequestValidationError extends ProblemException {
  constructor(readonly fieldErrors: readonly FieldError[]) {
    const fields = [...new Set(fieldErrors.map((error) => error.field || error.in))];
    super({
      status: 400,
      type: ProblemType.validation,
      title: 'Your request is not valid',
      detail: `Check ${fields.join(', ')}`,
      extensions: { errors: fieldErrors },
    });
  }
}

/** How long a client should wait before trying again after a 503 (Retry-After, in seconds). */
export const RETRY_AFTER_SECONDS = 30;

/** Something the service needs (Redis, say) does not answer: 503, at once, rather than a request that hangs. */
export class ServiceUnavailableError extends ProblemException {
  constructor(detail: string) {
    super({
      status: 503,
      type: ProblemType.unavailable,
      title: 'The service is unavailable',
      detail,
      extensions: { retryAfter: RETRY_AFTER_SECONDS },
    });
  }
}
