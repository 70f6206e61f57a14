import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { AccessTokenVerifier, InvalidAccessTokenError, PrincipalSource, type Principal } from '@due-regard/identity';
import { SESSION_MAX_SECONDS } from '../config/web-options.js';
import { RelyingParty, SignInFailedError } from '../sign-in/relying-party.js';
import { sessionOf, type SessionTokens, type WebSession } from './web-session.js';

/**
 * The principal of a page request, from the tokens kept in its server-side session: the access
 * token is verified on every request by the same AccessTokenVerifier the API uses for bearer
 * tokens, so the web and the API apply the same roles from the same claims. An expired access
 * token is refreshed once (single-flight per session); when that fails the person is signed out.
 */
@Injectable()
export class SessionPrincipalSource extends PrincipalSource {
  private readonly logger = new Logger('WebSession');
  private readonly refreshing = new Map<string, Promise<SessionTokens | null>>();

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly relyingParty: RelyingParty,
  ) {
    super();
  }

  async principalOf(request: Request): Promise<Principal | null> {
    const session = sessionOf(request);
    const tokens = session?.tokens;
    if (!session || !tokens) return null;
    if (Math.floor(Date.now() / 1000) - tokens.signedInAt > SESSION_MAX_SECONDS) {
      forget(session);
      return null;
    }
    const principal = await this.verified(tokens.accessToken);
    if (principal) return principal;

    const refreshed = await this.refreshOnce(session, tokens);
    if (!refreshed) {
      forget(session);
      return null;
    }
    session.tokens = refreshed;
    return this.verified(refreshed.accessToken);
  }

  private async verified(accessToken: string): Promise<Principal | null> {
    try {
      return await this.verifier.verify(accessToken);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) return null;
      throw error;
    }
  }

  private refreshOnce(session: WebSession, tokens: SessionTokens): Promise<SessionTokens | null> {
    const key = session.id;
    let refresh = this.refreshing.get(key);
    if (!refresh) {
      refresh = this.refresh(tokens).finally(() => this.refreshing.delete(key));
      this.refreshing.set(key, refresh);
    }
    return refresh;
  }

  private async refresh(tokens: SessionTokens): Promise<SessionTokens | null> {
    if (tokens.refreshToken === null) return null;
    try {
      const next = await this.relyingParty.refresh(tokens.refreshToken, tokens.idToken);
      return { ...next, signedInAt: tokens.signedInAt };
    } catch (error) {
      if (!(error instanceof SignInFailedError)) throw error;
      this.logger.debug(`Session ends: the refresh was refused (${error.message})`);
      return null;
    }
  }
}

function forget(session: WebSession): void {
  delete session.tokens;
  delete session.displayName;
}
