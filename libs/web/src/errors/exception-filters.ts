import { Catch, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from '@due-regard/platform';
import { ErrorPages } from './error-pages.js';

/** On the web's controllers: every error becomes a page (or the way to the sign-in page). */
@Catch()
@Injectable()
export class WebPageExceptionFilter implements ExceptionFilter {
  constructor(private readonly pages: ErrorPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void this.pages.respond(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

/** Paths that are never pages, whatever the client accepts. */
const NOT_PAGES = /^\/(api|health|realms|assets)(\/|$)/;

/**
 * A browser asking for a page that does not exist (an unknown council's sub-domain, a mistyped
 * address) gets a GOV.UK-style page; every other error, and every client that does not prefer
 * HTML, still gets the API's problem details.
 */
export function isPageRequest(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (NOT_PAGES.test(request.path)) return false;
  return request.headers.accept !== undefined && request.accepts(['json', 'html']) === 'html';
}

@Catch()
@Injectable()
export class PageRequestExceptionFilter implements ExceptionFilter {
  private readonly problems: ProblemDetailsFilter;

  constructor(
    adapterHost: HttpAdapterHost,
    private readonly pages: ErrorPages,
  ) {
    this.problems = new ProblemDetailsFilter(adapterHost);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'http') {
      const http = host.switchToHttp();
      const request = http.getRequest<Request>();
      if (isPageRequest(request)) {
        void this.pages.respond(exception, request, http.getResponse<Response>());
        return;
      }
    }
    this.problems.catch(exception, host);
  }
}
