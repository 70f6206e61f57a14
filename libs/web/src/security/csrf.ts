import {
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { sessionOf } from '../session/web-session.js';

/** The hidden field every form carries. */
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const UNLESS_SIGNED_OUT = 'due-regard:csrf-unless-signed-out';

/**
 * For sign-out only: a form from someone whose session has already ended (it expired while the
 * page was open) needs no token, since there is nothing left to protect; they are signed out as asked.
 */
export const CsrfUnlessSignedOut = (): MethodDecorator => SetMetadata(UNLESS_SIGNED_OUT, true);

/** A form arrived without the token of the page that showed it (or from another site). */
export class CsrfTokenError extends ForbiddenException {
  constructor() {
    super('The form has expired or did not come from this service');
  }
}

/**
 * csrf-csrf's signed double-submit cookie, bound to the session id: each page with a form puts the
 * token in a hidden field and in an HttpOnly, SameSite=Strict cookie; a POST must bring both.
 */
@Injectable()
export class CsrfProtection {
  private readonly generate: (request: Request, response: Response) => string;
  private readonly validate: (request: Request) => boolean;

  constructor(@Inject(WEB_OPTIONS) options: WebOptions) {
    const { generateCsrfToken, validateRequest } = doubleCsrf({
      getSecret: () => options.csrfSecret,
      getSessionIdentifier: (request) => request.sessionID ?? '',
      cookieName: options.csrfCookieName,
      cookieOptions: { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/' },
      getCsrfTokenFromRequest: (request) => formField(request),
    });
    this.generate = (request, response) => generateCsrfToken(request, response);
    this.validate = validateRequest;
  }

  /** The token for a form on this page; keeps the session, so that its id (the binding) lasts. */
  tokenFor(request: Request, response: Response): string {
    const session = sessionOf(request);
    if (!session) throw new Error('A form needs the web session: is the route a web page?');
    session.formsShown = true;
    return this.generate(request, response);
  }

  isValid(request: Request): boolean {
    return sessionOf(request) !== undefined && this.validate(request);
  }
}

/** On every web controller: any request but GET, HEAD and OPTIONS needs a valid CSRF token. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly csrf: CsrfProtection,
    private readonly reflector: Reflector,
  ) {}

  canActivate(execution: ExecutionContext): boolean {
    const request = execution.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    const signedOut = sessionOf(request)?.tokens === undefined;
    if (signedOut && this.reflector.get<boolean | undefined>(UNLESS_SIGNED_OUT, execution.getHandler())) return true;
    if (!this.csrf.isValid(request)) throw new CsrfTokenError();
    return true;
  }
}

function formField(request: Request): string | undefined {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const value: unknown = Reflect.get(body, CSRF_FIELD);
  return typeof value === 'string' ? value : undefined;
}
