import type { Request } from 'express';
import type { Session, SessionData } from 'express-session';

/** One sign-in under way: what the callback must check (RFC 9700: state, nonce, PKCE verifier). */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A path on the same host (see safeReturnPath). */
  readonly returnTo: string;
  readonly startedAt: number;
}

/** The provider's tokens: they never leave the server. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly idToken: string;
  /** Seconds since the epoch; the session ends SESSION_MAX_SECONDS after it. */
  readonly signedInAt: number;
}

declare module 'express-session' {
  interface SessionData {
    pendingSignIns: PendingSignIn[];
    tokens: SessionTokens;
    /** For the header only ("Sign out" or "Sign in"); access is decided from the verified token. */
    displayName: string;
    /** Set when a form was shown: the session (and so the CSRF binding) must outlive this request. */
    formsShown: boolean;
  }
}

export type WebSession = Session & Partial<SessionData>;

/** The request's session, or undefined on routes without the session middleware (the JSON API). */
export function sessionOf(request: Request): WebSession | undefined {
  const session: unknown = Reflect.get(request, 'session');
  return typeof session === 'object' && session !== null ? (session as WebSession) : undefined;
}

export function regenerate(session: WebSession): Promise<void> {
  return new Promise((resolve, reject) =>
    session.regenerate((error: unknown) => (error ? reject(toError(error)) : resolve())),
  );
}

export function destroy(session: WebSession): Promise<void> {
  return new Promise((resolve, reject) =>
    session.destroy((error: unknown) => (error ? reject(toError(error)) : resolve())),
  );
}

export function save(session: WebSession): Promise<void> {
  return new Promise((resolve, reject) =>
    session.save((error: unknown) => (error ? reject(toError(error)) : resolve())),
  );
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
