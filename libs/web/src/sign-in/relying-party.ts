import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import type { PendingSignIn } from '../session/web-session.js';

/** The sign-in could not be completed: the person is shown a page and may start again. */
export class SignInFailedError extends Error {
  override readonly name = 'SignInFailedError';
}

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly idToken: string;
  /** The ID token's `sub`, after openid-client checked its signature, issuer, audience and nonce. */
  readonly subject: string;
}

/**
 * The `due-regard-web` client of the `due-regard` realm, through openid-client 6: authorization
 * code with PKCE (S256), state and nonce; refresh; RP-initiated logout. Discovery happens on first
 * use (the embedded provider answers only once the app is listening), and is retried after a failure.
 */
@Injectable()
export class RelyingParty {
  private readonly logger = new Logger('WebSignIn');
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(@Inject(WEB_OPTIONS) private readonly options: WebOptions) {}

  /** Where to send the browser to sign in, and what the callback must check. */
  async startSignIn(redirectUri: string, returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const config = await this.config();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      returnTo,
      startedAt: Math.floor(Date.now() / 1000),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code from `callbackUrl` (the full URL the provider sent the browser to). */
  async finishSignIn(callbackUrl: URL, pending: PendingSignIn): Promise<TokenSet> {
    const config = await this.config();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!tokens.id_token || !claims) throw new SignInFailedError('the provider sent no ID token');
      return {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token ?? null,
        idToken: tokens.id_token,
        subject: claims.sub,
      };
    } catch (error) {
      if (error instanceof SignInFailedError) throw error;
      throw new SignInFailedError(describe(error));
    }
  }

  /** New tokens for a session whose access token expired; SignInFailedError when the provider refuses. */
  async refresh(refreshToken: string, previousIdToken: string): Promise<Omit<TokenSet, 'subject'>> {
    const config = await this.config();
    try {
      const tokens = await oidc.refreshTokenGrant(config, refreshToken);
      return {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token ?? refreshToken,
        idToken: tokens.id_token ?? previousIdToken,
      };
    } catch (error) {
      throw new SignInFailedError(describe(error));
    }
  }

  /** The provider's end-session endpoint (RP-initiated logout), or null when it has none. */
  async endSessionUrl(idTokenHint: string | undefined, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.config();
    if (config.serverMetadata().end_session_endpoint === undefined) return null;
    const parameters: Record<string, string> = {
      client_id: this.options.clientId,
      post_logout_redirect_uri: postLogoutRedirectUri,
    };
    if (idTokenHint !== undefined) parameters['id_token_hint'] = idTokenHint;
    return oidc.buildEndSessionUrl(config, parameters).href;
  }

  /** The origin forms may post to on their way out (sign-out redirects there). */
  providerOrigin(): string {
    return new URL(this.options.issuer).origin;
  }

  private config(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = null;
      throw error;
    });
    return this.configuration;
  }

  private async discover(): Promise<oidc.Configuration> {
    const insecure = new URL(this.options.issuer).protocol === 'http:';
    const config = await oidc.discovery(
      new URL(this.options.issuer),
      this.options.clientId,
      this.options.clientSecret,
      oidc.ClientSecretBasic(this.options.clientSecret),
      // Plain http only for a laptop or CI against the embedded provider or a local Keycloak.
      insecure && !this.options.production ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    this.logger.log(`Signing in through ${this.options.issuer}`);
    return config;
  }
}

function describe(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return `${error.error}: ${error.error_description ?? error.message}`;
  if (error instanceof oidc.AuthorizationResponseError)
    return `${error.error}: ${error.error_description ?? error.message}`;
  return error instanceof Error ? error.message : String(error);
}
