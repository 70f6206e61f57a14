import { createHmac, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { demoUserTokens } from '@due-regard/testing';
import { SESSION_KEY_PREFIX } from '../session/web-session.middleware.js';

export interface SignedInSession {
  readonly platformUrl: string;
  readonly redis: Redis;
  /** The app's SESSION_SECRET, which signs the session cookie. */
  readonly sessionSecret: string;
  readonly username: string;
  readonly displayName?: string;
}

/**
 * A signed-in session as the sign-in callback leaves it, put straight into Redis, and the signed
 * cookie that names it (express-session's `s:<id>.<HMAC>`). The sign-in pages themselves are
 * driven in the browser suites.
 */
export async function signedInSessionCookie(options: SignedInSession): Promise<string> {
  const tokens = await demoUserTokens(options.platformUrl, options.username);
  const sessionId = randomUUID();
  const session = {
    cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/', sameSite: 'lax', secure: false },
    tokens: {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      idToken: tokens.id_token,
      signedInAt: Math.floor(Date.now() / 1000),
    },
    displayName: options.displayName ?? options.username,
  };
  await options.redis.set(`${SESSION_KEY_PREFIX}${sessionId}`, JSON.stringify(session), 'EX', 600);
  const signature = createHmac('sha256', options.sessionSecret).update(sessionId).digest('base64').replace(/=+$/, '');
  return `due-regard-session=${encodeURIComponent(`s:${sessionId}.${signature}`)}`;
}
