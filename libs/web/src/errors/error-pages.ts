import { HttpException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilDirectory } from '@due-regard/councils';
import { RETRY_AFTER_SECONDS } from '@due-regard/platform';
import { whatPersonMay } from '@due-regard/plans';
import { PageRenderer } from '../rendering/page-renderer.js';
import { CsrfTokenError } from '../security/csrf.js';
import { rolesInWords } from '../site/roles.js';

/**
 * Errors on pages, as pages: not signed in → to sign-in (and back); no role here → 403; nothing
 * here (or no such council) → 404; a stale form → 403 "form expired"; Redis down → 503 "service
 * unavailable"; anything else → 500.
 */
@Injectable()
export class ErrorPages {
  private readonly logger = new Logger('WebErrors');

  constructor(
    private readonly renderer: PageRenderer,
    private readonly directory: CouncilDirectory,
  ) {}

  async respond(exception: unknown, request: Request, response: Response): Promise<void> {
    if (response.headersSent) return;
    try {
      await this.answer(exception, request, response);
    } catch (error) {
      this.logger.error(`The error page could not be shown: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent)
        response.status(500).type('text/plain').send('Sorry, there is a problem with the service.');
    }
  }

  private async answer(exception: unknown, request: Request, response: Response): Promise<void> {
    if (exception instanceof UnauthorizedException) {
      // The API's challenge header means nothing to a browser on its way to the sign-in page.
      response.removeHeader('WWW-Authenticate');
      const returnTo = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.originalUrl)}` : '';
      response.redirect(303, `/sign-in${returnTo}`);
      return;
    }
    if (exception instanceof CsrfTokenError) {
      await this.renderer.render(
        request,
        response,
        'errors/form-expired.njk',
        { pageTitle: 'This form has expired' },
        403,
      );
      return;
    }
    const status = statusOf(exception);
    if (status === 403) {
      // Someone with a role here is told what their role lets them do, not that they have none.
      const person = await this.renderer.signedInPerson(request);
      const roles = person?.roles ?? [];
      await this.renderer.render(
        request,
        response,
        'errors/forbidden.njk',
        {
          pageTitle: 'You do not have access to this page',
          rolesHere: roles.length === 0 ? null : rolesInWords(roles),
          mayHere: person === null ? [] : whatPersonMay(person),
          teams: person?.teams ?? [],
        },
        403,
      );
      return;
    }
    if (status === 404 || exception instanceof NotFoundException) {
      const tenant = this.renderer.tenantOf(request);
      const unknownCouncil = tenant.kind === 'council' && (await this.directory.find(tenant.slug)) === null;
      await this.renderer.render(
        request,
        response,
        'errors/not-found.njk',
        { pageTitle: 'Page not found', unknownCouncil },
        404,
      );
      return;
    }
    if (status >= 400 && status < 500) {
      await this.renderer.render(
        request,
        response,
        'errors/problem.njk',
        { pageTitle: 'Sorry, there is a problem' },
        status,
      );
      return;
    }
    if (status === 503) {
      this.logger.warn(
        `${request.method} ${request.originalUrl.split('?')[0] ?? ''} answered 503: ${errorMessageOf(exception)}`,
      );
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      await this.renderer.render(
        request,
        response,
        'errors/service-unavailable.njk',
        { pageTitle: 'Sorry, the service is unavailable' },
        503,
      );
      return;
    }
    const stack = exception instanceof Error ? exception.stack : undefined;
    this.logger.error(
      `${request.method} ${request.originalUrl.split('?')[0] ?? ''} failed: ${exception instanceof Error ? exception.message : String(exception)}`,
      stack,
    );
    await this.renderer.render(
      request,
      response,
      'errors/server-error.njk',
      { pageTitle: 'Sorry, there is a problem with the service' },
      500,
    );
  }
}

const errorMessageOf = (exception: unknown): string =>
  exception instanceof Error ? exception.message : String(exception);

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null) {
    const status: unknown = Reflect.get(exception, 'status') ?? Reflect.get(exception, 'statusCode');
    const expose: unknown = Reflect.get(exception, 'expose');
    if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) return status;
  }
  return 500;
}
