import { Catch, type ArgumentsHost, type ExceptionFilter, type HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { OAuthError } from '../protocol/oauth-error.js';
import { errorPageHtml, TOO_MANY_ATTEMPTS } from './pages.js';
import { sendHtml } from './page-responses.js';
import { ThrottlerException } from './throttler.js';

const tooManyRequests = new OAuthError('too_many_requests', 'Too many requests: wait a minute, then try again', 429);

/** OAuth 2.0 error responses for the JSON endpoints (token, introspection, userinfo). Anything else goes to the app's filters. */
@Catch(OAuthError, ThrottlerException)
export class OAuthJsonExceptionFilter implements ExceptionFilter {
  catch(exception: OAuthError | HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = exception instanceof OAuthError ? exception : tooManyRequests;
    if (error.challenge !== undefined) response.setHeader('WWW-Authenticate', error.challenge);
    response.setHeader('Cache-Control', 'no-store');
    response.status(error.status).json(error.toJSON());
  }
}

/** The same errors as pages, for the endpoints a browser is sent to (authorization, sign-in, logout). */
@Catch(OAuthError, ThrottlerException)
export class PageExceptionFilter implements ExceptionFilter {
  catch(exception: OAuthError | HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof OAuthError) {
      sendHtml(
        response,
        exception.status,
        errorPageHtml({ title: 'Something is wrong with this request', message: exception.description }),
        undefined,
      );
    } else {
      sendHtml(response, 429, errorPageHtml(TOO_MANY_ATTEMPTS), undefined);
    }
  }
}
