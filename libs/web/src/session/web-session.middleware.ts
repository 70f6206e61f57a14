import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { RedisStore } from 'connect-redis';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { QUEUE_PREFIX, RedisConnection, ServiceUnavailableError, sessionKeyPrefix } from '@due-regard/platform';
import { SESSION_IDLE_SECONDS, WEB_OPTIONS, type WebOptions } from '../config/web-options.js';

/** Where sessions are kept under the default REDIS_KEY_PREFIX (an app's own: `RedisConnection.sessionKeyPrefix`). */
export const SESSION_KEY_PREFIX = sessionKeyPrefix(QUEUE_PREFIX);

/**
 * Cookies and the server-side session, on the web's page routes only (the JSON API never gets a
 * session). The session lives in Redis; the browser holds only a signed, HttpOnly id cookie,
 * SameSite=Lax, Secure over https. Idle sessions expire after SESSION_IDLE_SECONDS.
 */
@Injectable()
export class WebSessionMiddleware implements NestMiddleware {
  private readonly parseCookies: RequestHandler;
  private readonly session: RequestHandler;

  constructor(
    @Inject(WEB_OPTIONS) options: WebOptions,
    private readonly redis: RedisConnection,
  ) {
    this.parseCookies = cookieParser();
    this.session = session({
      name: options.sessionCookieName,
      secret: options.sessionSecret,
      store: new RedisStore({ client: redis.client, prefix: redis.sessionKeyPrefix, ttl: SESSION_IDLE_SECONDS }),
      resave: false,
      // No session (and no cookie) until there is something to keep: public pages set no cookie.
      saveUninitialized: false,
      // Behind a TLS-terminating proxy the app sees http: trust X-Forwarded-Proto for Secure cookies.
      proxy: options.secureCookies ? true : undefined,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: '/',
      },
    });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    // Sessions live in Redis: without it, the service-unavailable page at once, never a page that hangs.
    if (!this.redis.ready) {
      next(new ServiceUnavailableError('Sessions cannot be read: Redis does not answer.'));
      return;
    }
    this.parseCookies(request, response, (error?: unknown) => {
      if (error !== undefined) {
        next(error);
        return;
      }
      void this.session(request, response, (sessionError?: unknown) => {
        next(
          sessionError !== undefined && !this.redis.ready
            ? new ServiceUnavailableError('Sessions cannot be read: Redis does not answer.')
            : sessionError,
        );
      });
    });
  }
}
