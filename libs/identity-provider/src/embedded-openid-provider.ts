import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { compactVerify, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { ProviderKeys } from './keys/provider-keys.js';
import {
  accessTokenClaims,
  grantedScope,
  hasOpenIdScope,
  idTokenClaims,
  refreshTokenClaims,
  userInfoClaims,
  type GrantContext,
  type UserInfoClaims,
} from './protocol/claims.js';
import { authenticateClient, readClientCredentials } from './protocol/client-authentication.js';
import { OAuthError } from './protocol/oauth-error.js';
import { BruteForceDetection } from './protocol/brute-force.js';
import type { CouncilRedirects } from './protocol/council-redirects.js';
import { isWellFormedPkceValue, verifyS256 } from './protocol/pkce.js';
import { matchesRegisteredUri, withQuery } from './protocol/redirect-uri.js';
import type { RequestParameters } from './protocol/request-parameters.js';
import { REALM_NAME, type Realm, type RealmClient, type RealmUser } from './realm/realm.js';
import type { PendingAuthorization, ProviderSession, ProviderStateStore } from './state/provider-state.js';

export const REALM_PATH = `/realms/${REALM_NAME}`;
export const PROTOCOL_PATH = `${REALM_PATH}/protocol/openid-connect`;
/** Where the sign-in form posts, as Keycloak's does. */
export const SIGN_IN_FORM_PATH = `${REALM_PATH}/login-actions/authenticate`;
export const LOGOUT_CONFIRM_PATH = `${PROTOCOL_PATH}/logout/logout-confirm`;

export const INVALID_CREDENTIALS_MESSAGE = 'Invalid username or password.';

/** What the provider knows of the browser making a request. */
export interface BrowserContext {
  readonly issuer: string;
  /** The provider session cookie, as received. */
  readonly sessionCookie: string | undefined;
  /** The browser-binding cookie, as received. */
  readonly browserId: string | undefined;
}

export interface SignInPage {
  readonly kind: 'sign-in';
  readonly status: number;
  readonly pendingId: string;
  readonly formToken: string;
  readonly browserId: string;
  readonly username: string | undefined;
  readonly error: string | undefined;
  /** The client's origin, where the form's response redirects to (for the page's form-action policy). */
  readonly redirectOrigin: string;
}

export interface ErrorPage {
  readonly kind: 'error';
  readonly status: number;
  readonly title: string;
  readonly message: string;
}

export interface RedirectOutcome {
  readonly kind: 'redirect';
  readonly location: string;
  /** A new provider session cookie value to set. */
  readonly sessionCookie?: string;
  readonly clearSessionCookie?: boolean;
}

export interface ConfirmLogoutPage {
  readonly kind: 'confirm-logout';
  readonly pendingId: string;
  readonly formToken: string;
  readonly browserId: string;
  readonly redirectOrigin: string | undefined;
}

export interface SignedOutPage {
  readonly kind: 'signed-out';
  readonly clearSessionCookie: boolean;
}

export type PageOutcome = SignInPage | ErrorPage | RedirectOutcome | ConfirmLogoutPage | SignedOutPage;

export interface TokenResponse {
  readonly access_token: string;
  readonly expires_in: number;
  readonly refresh_expires_in: number;
  readonly refresh_token: string;
  readonly token_type: 'Bearer';
  readonly id_token?: string;
  readonly 'not-before-policy': 0;
  readonly session_state: string;
  readonly scope: string;
}

export type IntrospectionResponse = { active: false } | ({ active: true } & JWTPayload);

const errorPage = (status: number, title: string, message: string): ErrorPage => ({
  kind: 'error',
  status,
  title,
  message,
});

const PAGE_EXPIRED = errorPage(
  400,
  'This page has expired',
  'This form has expired or was already used. Go back to the service you came from and start again.',
);

const randomToken = (): string => randomBytes(32).toString('base64url');

function sameValue(expected: string, actual: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(actual));
}

const accessTokenPayloadSchema = z.looseObject({
  typ: z.literal('Bearer'),
  sub: z.string(),
  azp: z.string(),
  sid: z.string(),
});

const refreshTokenPayloadSchema = z.looseObject({
  typ: z.literal('Refresh'),
  jti: z.string(),
  azp: z.string(),
  sid: z.string(),
  exp: z.number(),
});

const idTokenHintSchema = z.looseObject({ iss: z.string(), typ: z.literal('ID'), azp: z.string(), sid: z.string() });

interface ValidatedAuthorizationRequest {
  readonly scope: string;
  readonly nonce: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly prompt: ReadonlySet<string>;
  readonly maxAge: number | undefined;
  readonly loginHint: string | undefined;
}

/**
 * A Keycloak-compatible OpenID provider for the `due-regard` realm, without HTTP: the controllers
 * translate requests into these calls and outcomes into responses.
 */
export class EmbeddedOpenIdProvider {
  private readonly bruteForce: BruteForceDetection;

  constructor(
    readonly realm: Realm,
    private readonly keys: ProviderKeys,
    private readonly store: ProviderStateStore,
    private readonly now: () => number = Date.now,
    private readonly councilRedirects: CouncilRedirects | null = null,
  ) {
    this.bruteForce = new BruteForceDetection(realm.bruteForce, store, () => this.seconds());
  }

  /** The discovery document, with Keycloak's endpoint paths. */
  discovery(issuer: string): Record<string, unknown> {
    const protocol = `${issuer}/protocol/openid-connect`;
    return {
      issuer,
      authorization_endpoint: `${protocol}/auth`,
      token_endpoint: `${protocol}/token`,
      introspection_endpoint: `${protocol}/token/introspect`,
      userinfo_endpoint: `${protocol}/userinfo`,
      end_session_endpoint: `${protocol}/logout`,
      jwks_uri: `${protocol}/certs`,
      grant_types_supported: ['authorization_code', 'refresh_token', 'password'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      userinfo_signing_alg_values_supported: ['none'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email'],
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'azp',
        'sid',
        'acr',
        'nonce',
        'typ',
        'groups',
        'preferred_username',
        'name',
        'given_name',
        'family_name',
        'email',
        'email_verified',
      ],
      claims_parameter_supported: false,
      request_parameter_supported: false,
      request_uri_parameter_supported: false,
      authorization_response_iss_parameter_supported: true,
      frontchannel_logout_supported: false,
      backchannel_logout_supported: false,
    };
  }

  /** The realm's registered URIs (Keycloak's rule), or a registered council's sub-domain. */
  private async isRedirectUriOf(client: RealmClient, uri: string, registered: readonly string[]): Promise<boolean> {
    if (matchesRegisteredUri(uri, registered)) return true;
    return (await this.councilRedirects?.allows(client.clientId, uri)) ?? false;
  }

  jwks(): { keys: object[] } {
    return { keys: [this.keys.publicJwk] };
  }

  // --- Authorization endpoint and sign-in form -------------------------------------------------

  async authorize(parameters: RequestParameters, browser: BrowserContext): Promise<PageOutcome> {
    const clientId = parameters.tryGet('client_id');
    const client = clientId === undefined ? undefined : this.realm.client(clientId);
    if (!client?.enabled) {
      return errorPage(400, 'Client not found', 'The service that sent you here is not known to this sign-in service.');
    }
    if (!client.standardFlowEnabled) {
      return errorPage(
        400,
        'Sign-in not allowed',
        `The client ${client.clientId} may not sign people in through a browser.`,
      );
    }
    const redirectUri = parameters.tryGet('redirect_uri');
    if (redirectUri === undefined || !(await this.isRedirectUriOf(client, redirectUri, client.redirectUris))) {
      return errorPage(
        400,
        'Invalid redirect URI',
        'The address the service asked to send you back to is not registered for it, so you have not been sent there.',
      );
    }
    // From here the redirect URI is trusted: errors go back to the client (RFC 6749 §4.1.2.1).
    const state = parameters.tryGet('state');
    const fail = (error: string, description: string): RedirectOutcome => ({
      kind: 'redirect',
      location: withQuery(redirectUri, { error, error_description: description, state, iss: browser.issuer }),
    });

    let request: ValidatedAuthorizationRequest;
    try {
      const outcome = this.validateAuthorizationRequest(parameters, client);
      if ('error' in outcome) return fail(outcome.error, outcome.description);
      request = outcome;
    } catch (error) {
      if (error instanceof OAuthError) return fail(error.error, error.description);
      throw error;
    }

    const session = await this.browserSession(browser.sessionCookie);
    const nowSeconds = this.seconds();
    const mustSignIn =
      request.prompt.has('login') ||
      (session !== undefined && request.maxAge !== undefined && nowSeconds - session.authTime > request.maxAge);
    if (session !== undefined && !mustSignIn) {
      const user = this.realm.userById(session.userId);
      if (user?.enabled) {
        const touched = await this.touch(session);
        return this.redirectWithCode(
          {
            clientId: client.clientId,
            redirectUri,
            state,
            scope: request.scope,
            nonce: request.nonce,
            codeChallenge: request.codeChallenge,
            issuer: browser.issuer,
          },
          touched,
          '0',
        );
      }
    }
    if (request.prompt.has('none')) return fail('login_required', 'Sign-in is required');

    const pendingId = randomToken();
    const pending: PendingAuthorization = {
      clientId: client.clientId,
      redirectUri,
      scope: request.scope,
      state,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      loginHint: request.loginHint,
      issuer: browser.issuer,
      browserId: browser.browserId ?? randomToken(),
      formToken: randomToken(),
    };
    await this.store.put('pendingAuthorization', pendingId, pending, (nowSeconds + this.realm.lifespans.login) * 1000);
    return this.signInPage(pendingId, pending, 200, request.loginHint, undefined);
  }

  async submitSignIn(form: RequestParameters, browser: BrowserContext): Promise<PageOutcome> {
    const pendingId = form.tryGet('auth_session');
    const formToken = form.tryGet('form_token');
    const pending = pendingId === undefined ? undefined : await this.store.get('pendingAuthorization', pendingId);
    if (pendingId === undefined || !isFormOfThisBrowser(pending, formToken, browser)) {
      return PAGE_EXPIRED;
    }
    const username = form.tryGet('username') ?? '';
    const user = await this.authenticateUser(username, form.tryGet('password') ?? '');
    if (user === undefined) {
      const renewed: PendingAuthorization = { ...pending, formToken: randomToken() };
      await this.store.put(
        'pendingAuthorization',
        pendingId,
        renewed,
        (this.seconds() + this.realm.lifespans.login) * 1000,
      );
      return this.signInPage(pendingId, renewed, 200, username, INVALID_CREDENTIALS_MESSAGE);
    }
    // Used up only now, so that a forged post cannot spend it; a second post racing this one finds it gone.
    if ((await this.store.take('pendingAuthorization', pendingId)) === undefined) return PAGE_EXPIRED;
    const previous = await this.browserSession(browser.sessionCookie);
    if (previous !== undefined) await this.endSession(previous.sessionId);
    const session = await this.startSession(user);
    const cookie = randomToken();
    await this.store.put('sessionCookie', cookie, { sessionId: session.sessionId }, this.sessionExpiry(session) * 1000);
    const redirect = await this.redirectWithCode(pending, session, '1');
    return { ...redirect, sessionCookie: cookie };
  }

  // --- Token endpoint ------------------------------------------------------------------------------

  async token(
    parameters: RequestParameters,
    authorization: string | undefined,
    issuer: string,
  ): Promise<TokenResponse> {
    const client = this.authenticate(parameters, authorization);
    const grantType = parameters.get('grant_type');
    switch (grantType) {
      case 'authorization_code':
        return this.authorizationCodeGrant(parameters, client, issuer);
      case 'refresh_token':
        return this.refreshTokenGrant(parameters, client, issuer);
      case 'password':
        return this.passwordGrant(parameters, client, issuer);
      case undefined:
        throw new OAuthError('invalid_request', 'Missing form parameter: grant_type');
      default:
        throw new OAuthError('unsupported_grant_type', `Unsupported grant_type ${grantType}`);
    }
  }

  async introspect(
    parameters: RequestParameters,
    authorization: string | undefined,
    issuer: string,
  ): Promise<IntrospectionResponse> {
    const client = authenticateClient(
      this.realm,
      readClientCredentials(authorization, parameters.get('client_id'), parameters.get('client_secret')),
    );
    if (client.publicClient) throw new OAuthError('invalid_client', 'Public clients may not introspect tokens', 401);
    const token = parameters.get('token');
    if (token === undefined) throw new OAuthError('invalid_request', 'Missing parameter: token');
    try {
      const { payload } = await this.verifyAccessToken(token, issuer);
      return {
        ...payload,
        active: true,
        client_id: payload['azp'],
        username: payload['preferred_username'],
        token_type: 'Bearer',
      };
    } catch (error) {
      if (error instanceof OAuthError) return { active: false };
      throw error;
    }
  }

  // --- UserInfo ----------------------------------------------------------------------------------

  async userInfo(authorization: string | undefined, issuer: string): Promise<UserInfoClaims> {
    const token = authorization?.match(/^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i)?.[1];
    if (token === undefined)
      throw new OAuthError('invalid_request', 'Missing bearer token', 401, `Bearer realm="${REALM_NAME}"`);
    const { user, client } = await this.verifyAccessToken(token, issuer);
    return userInfoClaims(this.realm, client, user);
  }

  // --- Logout -------------------------------------------------------------------------------------

  async logout(parameters: RequestParameters, browser: BrowserContext): Promise<PageOutcome> {
    const hintToken = parameters.tryGet('id_token_hint');
    const hint = hintToken === undefined ? undefined : await this.verifyIdTokenHint(hintToken, browser.issuer);
    if (hintToken !== undefined && hint === undefined) {
      return errorPage(
        400,
        'Sign-out failed',
        'The sign-out request carried an ID token that this sign-in service did not issue.',
      );
    }
    const clientId = parameters.tryGet('client_id');
    if (clientId !== undefined && hint !== undefined && clientId !== hint.clientId) {
      return errorPage(400, 'Sign-out failed', 'The client_id does not match the client of the ID token.');
    }
    const client = this.realm.client(clientId ?? hint?.clientId ?? '');
    const redirectUri = parameters.tryGet('post_logout_redirect_uri');
    if (redirectUri !== undefined) {
      if (client === undefined) {
        return errorPage(400, 'Sign-out failed', 'Sending you back after sign-out needs client_id or id_token_hint.');
      }
      if (!(await this.isRedirectUriOf(client, redirectUri, client.postLogoutRedirectUris))) {
        return errorPage(
          400,
          'Invalid redirect URI',
          'The address the service asked to send you back to after sign-out is not registered for it.',
        );
      }
    }
    const target =
      redirectUri === undefined ? undefined : withQuery(redirectUri, { state: parameters.tryGet('state') });
    const browserSession = await this.browserSession(browser.sessionCookie);

    if (hint !== undefined) {
      await this.endSession(hint.sessionId);
      const clearSessionCookie = browserSession?.sessionId === hint.sessionId;
      return target === undefined
        ? { kind: 'signed-out', clearSessionCookie }
        : { kind: 'redirect', location: target, clearSessionCookie };
    }
    if (browserSession === undefined) {
      return target === undefined
        ? { kind: 'signed-out', clearSessionCookie: true }
        : { kind: 'redirect', location: target, clearSessionCookie: true };
    }
    // Without an ID token anyone could link here: ask the person before ending their session.
    const pendingId = randomToken();
    const browserId = browser.browserId ?? randomToken();
    const formToken = randomToken();
    await this.store.put(
      'pendingLogout',
      pendingId,
      { browserId, formToken, redirectUri: target },
      (this.seconds() + this.realm.lifespans.login) * 1000,
    );
    const redirectOrigin = target === undefined ? undefined : new URL(target).origin;
    return { kind: 'confirm-logout', pendingId, formToken, browserId, redirectOrigin };
  }

  async confirmLogout(form: RequestParameters, browser: BrowserContext): Promise<PageOutcome> {
    const pendingId = form.tryGet('logout_session');
    const formToken = form.tryGet('form_token');
    // Checked before it is used up, so that a forged post cannot spend someone else's confirmation.
    const pending = pendingId === undefined ? undefined : await this.store.get('pendingLogout', pendingId);
    if (pendingId === undefined || !isFormOfThisBrowser(pending, formToken, browser)) {
      return PAGE_EXPIRED;
    }
    await this.store.delete('pendingLogout', pendingId);
    const session = await this.browserSession(browser.sessionCookie);
    if (session !== undefined) await this.endSession(session.sessionId);
    return pending.redirectUri === undefined
      ? { kind: 'signed-out', clearSessionCookie: true }
      : { kind: 'redirect', location: pending.redirectUri, clearSessionCookie: true };
  }

  // --- Grants -------------------------------------------------------------------------------------

  private authenticate(parameters: RequestParameters, authorization: string | undefined): RealmClient {
    const credentials = readClientCredentials(
      authorization,
      parameters.get('client_id'),
      parameters.get('client_secret'),
    );
    const client = authenticateClient(this.realm, credentials);
    if (client.bearerOnly) throw new OAuthError('unauthorized_client', 'Bearer-only clients may not obtain tokens');
    return client;
  }

  private async authorizationCodeGrant(
    parameters: RequestParameters,
    client: RealmClient,
    issuer: string,
  ): Promise<TokenResponse> {
    if (!client.standardFlowEnabled)
      throw new OAuthError('unauthorized_client', 'Client not allowed to use the authorization code grant');
    const code = parameters.get('code');
    if (code === undefined) throw new OAuthError('invalid_request', 'Missing parameter: code');
    const record = await this.store.take('code', code);
    if (record === undefined) {
      // RFC 6749 §4.1.2: a replayed code revokes what was issued from it.
      const used = await this.store.get('usedCode', code);
      if (used !== undefined) await this.revokeGrant(used.grantId);
      throw new OAuthError('invalid_grant', 'Code not valid');
    }
    await this.store.put(
      'usedCode',
      code,
      { grantId: record.grantId },
      (this.seconds() + this.realm.lifespans.code) * 1000,
    );
    if (record.clientId !== client.clientId) throw new OAuthError('invalid_grant', 'Code not valid');
    if (record.issuer !== issuer) throw new OAuthError('invalid_grant', 'Code not valid');
    if (parameters.get('redirect_uri') !== record.redirectUri)
      throw new OAuthError('invalid_grant', 'Incorrect redirect_uri');
    if (record.codeChallenge !== undefined && !verifyS256(record.codeChallenge, parameters.get('code_verifier'))) {
      throw new OAuthError('invalid_grant', 'PKCE verification failed: code_verifier does not match code_challenge');
    }
    const session = await this.activeSession(record.sessionId);
    if (session === undefined) throw new OAuthError('invalid_grant', 'Session not active');
    const user = this.realm.userById(record.userId);
    if (!user?.enabled) throw new OAuthError('invalid_grant', 'User not found or disabled');
    const context = {
      realm: this.realm,
      client,
      user,
      issuer,
      sessionId: session.sessionId,
      scope: record.scope,
      authTime: record.authTime,
      acr: record.acr,
    };
    return this.issueTokens(context, session, record.grantId, record.nonce);
  }

  private async refreshTokenGrant(
    parameters: RequestParameters,
    client: RealmClient,
    issuer: string,
  ): Promise<TokenResponse> {
    const token = parameters.get('refresh_token');
    if (token === undefined) throw new OAuthError('invalid_request', 'Missing parameter: refresh_token');
    const claims = await this.verifyRefreshToken(token, issuer);
    if (claims.azp !== client.clientId)
      throw new OAuthError('invalid_grant', 'Invalid refresh token. Token client and authorized client do not match');
    const record = await this.store.take('refreshToken', claims.jti);
    if (record === undefined) {
      // A rotated refresh token used again was stolen or replayed: end that grant (OAuth 2.0 Security BCP §4.14).
      const rotated = await this.store.get('rotatedRefreshToken', claims.jti);
      if (rotated !== undefined) {
        await this.revokeGrant(rotated.grantId);
        throw new OAuthError('invalid_grant', 'Maximum allowed refresh token reuse exceeded');
      }
      throw new OAuthError('invalid_grant', 'Session not active');
    }
    await this.store.put('rotatedRefreshToken', claims.jti, { grantId: record.grantId }, claims.exp * 1000);
    const session = await this.activeSession(record.sessionId);
    if (session === undefined) throw new OAuthError('invalid_grant', 'Session not active');
    const user = this.realm.userById(record.userId);
    if (!user?.enabled) throw new OAuthError('invalid_grant', 'User not found or disabled');
    const touched = await this.touch(session);
    const context = {
      realm: this.realm,
      client,
      user,
      issuer,
      sessionId: session.sessionId,
      scope: record.scope,
      authTime: record.authTime,
      acr: record.acr,
    };
    return this.issueTokens(context, touched, record.grantId, undefined);
  }

  private async passwordGrant(
    parameters: RequestParameters,
    client: RealmClient,
    issuer: string,
  ): Promise<TokenResponse> {
    if (!client.directAccessGrantsEnabled)
      throw new OAuthError('unauthorized_client', 'Client not allowed for direct access grants');
    const username = parameters.get('username');
    const password = parameters.get('password');
    if (username === undefined) throw new OAuthError('invalid_request', 'Missing parameter: username');
    if (password === undefined) throw new OAuthError('invalid_request', 'Missing parameter: password');
    const user = await this.authenticateUser(username, password);
    // Keycloak answers bad user credentials with 401.
    if (user === undefined) throw new OAuthError('invalid_grant', 'Invalid user credentials', 401);
    const session = await this.startSession(user);
    const context = {
      realm: this.realm,
      client,
      user,
      issuer,
      sessionId: session.sessionId,
      scope: grantedScope(parameters.get('scope')),
      authTime: session.authTime,
      acr: '1' as const,
    };
    return this.issueTokens(context, session, randomUUID(), undefined);
  }

  private async issueTokens(
    context: GrantContext,
    session: ProviderSession,
    grantId: string,
    nonce: string | undefined,
  ): Promise<TokenResponse> {
    const issuedAt = this.seconds();
    const sessionEnds = session.startedAt + this.realm.lifespans.ssoSessionMax;
    const accessExpires = Math.min(issuedAt + this.realm.lifespans.accessToken, sessionEnds);
    const refreshExpires = Math.min(issuedAt + this.realm.lifespans.ssoSessionIdle, sessionEnds);

    const accessToken = await this.sign(
      accessTokenClaims(context, { jti: randomUUID(), issuedAt, expiresAt: accessExpires }),
    );
    const refreshJti = randomUUID();
    const refreshToken = await new SignJWT(
      refreshTokenClaims(context, { jti: refreshJti, issuedAt, expiresAt: refreshExpires }),
    )
      .setProtectedHeader({ alg: 'HS512', typ: 'JWT' })
      .sign(this.keys.refreshKey);
    await this.store.put(
      'refreshToken',
      refreshJti,
      {
        clientId: context.client.clientId,
        userId: context.user.id,
        sessionId: context.sessionId,
        scope: context.scope,
        authTime: context.authTime,
        acr: context.acr,
        grantId,
      },
      refreshExpires * 1000,
    );
    const idToken = hasOpenIdScope(context.scope)
      ? await this.sign(
          idTokenClaims(context, { jti: randomUUID(), issuedAt, expiresAt: accessExpires }, { nonce, accessToken }),
        )
      : undefined;
    return {
      access_token: accessToken,
      expires_in: accessExpires - issuedAt,
      refresh_expires_in: refreshExpires - issuedAt,
      refresh_token: refreshToken,
      token_type: 'Bearer',
      ...(idToken === undefined ? {} : { id_token: idToken }),
      'not-before-policy': 0,
      session_state: context.sessionId,
      scope: context.scope,
    };
  }

  // --- Tokens ---------------------------------------------------------------------------------------

  private sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keys.kid })
      .sign(this.keys.signingKey);
  }

  /** Signature, issuer, expiry, `typ: Bearer`, and a provider session still active (as Keycloak's userinfo checks). */
  private async verifyAccessToken(
    token: string,
    issuer: string,
  ): Promise<{ payload: JWTPayload; user: RealmUser; client: RealmClient }> {
    const invalid = (description: string): OAuthError =>
      new OAuthError(
        'invalid_token',
        description,
        401,
        `Bearer realm="${REALM_NAME}", error="invalid_token", error_description="${description}"`,
      );
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys.verificationKey, {
        issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      }));
    } catch {
      throw invalid('Token verification failed');
    }
    const claims = accessTokenPayloadSchema.safeParse(payload);
    if (!claims.success) throw invalid('Not an access token');
    if ((await this.activeSession(claims.data.sid)) === undefined) throw invalid('Session not active');
    const user = this.realm.userById(claims.data.sub);
    const client = this.realm.client(claims.data.azp);
    if (!user?.enabled || client === undefined) throw invalid('User or client no longer valid');
    return { payload, user, client };
  }

  private async verifyRefreshToken(token: string, issuer: string): Promise<z.output<typeof refreshTokenPayloadSchema>> {
    try {
      const { payload } = await jwtVerify(token, this.keys.refreshKey, { issuer, algorithms: ['HS512'] });
      const claims = refreshTokenPayloadSchema.safeParse(payload);
      if (claims.success) return claims.data;
    } catch {
      // Reported below, like a token of the wrong type.
    }
    throw new OAuthError('invalid_grant', 'Invalid refresh token');
  }

  /** An expired ID token is still a fine hint of who is signing out, as in Keycloak: only signature, issuer and type count. */
  private async verifyIdTokenHint(
    token: string,
    issuer: string,
  ): Promise<{ clientId: string; sessionId: string } | undefined> {
    try {
      const { payload } = await compactVerify(token, this.keys.verificationKey, { algorithms: ['RS256'] });
      const claims = idTokenHintSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
      if (!claims.success || claims.data.iss !== issuer) return undefined;
      return { clientId: claims.data.azp, sessionId: claims.data.sid };
    } catch {
      return undefined;
    }
  }

  // --- Sessions and users -------------------------------------------------------------------------

  /**
   * Compares against a dummy value when the user is unknown, so that timing does not tell which
   * usernames exist; a user locked out by brute-force detection is refused like a wrong password.
   */
  private async authenticateUser(login: string, password: string): Promise<RealmUser | undefined> {
    const user = this.realm.userByLogin(login);
    const expected = user?.enabled ? user.password : undefined;
    const matches = sameValue(expected ?? '\u0000no password', password);
    if (user === undefined || expected === undefined) return undefined;
    if (await this.bruteForce.isLockedOut(user.id)) return undefined;
    if (!matches) {
      await this.bruteForce.failed(user.id);
      return undefined;
    }
    await this.bruteForce.succeeded(user.id);
    return user;
  }

  private async startSession(user: RealmUser): Promise<ProviderSession> {
    const now = this.seconds();
    const session: ProviderSession = {
      sessionId: randomUUID(),
      userId: user.id,
      authTime: now,
      startedAt: now,
      lastActiveAt: now,
    };
    await this.store.put('session', session.sessionId, session, this.sessionExpiry(session) * 1000);
    return session;
  }

  private sessionExpiry(session: ProviderSession): number {
    const { ssoSessionIdle, ssoSessionMax } = this.realm.lifespans;
    return Math.min(session.lastActiveAt + ssoSessionIdle, session.startedAt + ssoSessionMax);
  }

  private async activeSession(sessionId: string): Promise<ProviderSession | undefined> {
    const session = await this.store.get('session', sessionId);
    return session !== undefined && this.sessionExpiry(session) > this.seconds() ? session : undefined;
  }

  private async touch(session: ProviderSession): Promise<ProviderSession> {
    const touched = { ...session, lastActiveAt: this.seconds() };
    await this.store.put('session', touched.sessionId, touched, this.sessionExpiry(touched) * 1000);
    return touched;
  }

  private async browserSession(cookie: string | undefined): Promise<ProviderSession | undefined> {
    if (cookie === undefined) return undefined;
    const reference = await this.store.get('sessionCookie', cookie);
    return reference === undefined ? undefined : this.activeSession(reference.sessionId);
  }

  /** Ends a provider session: its cookies, codes and refresh tokens go with it. */
  private async endSession(sessionId: string): Promise<void> {
    await this.store.delete('session', sessionId);
    await this.store.deleteWhere('sessionCookie', (reference) => reference.sessionId === sessionId);
    await this.store.deleteWhere('code', (code) => code.sessionId === sessionId);
    await this.store.deleteWhere('refreshToken', (token) => token.sessionId === sessionId);
  }

  private async revokeGrant(grantId: string): Promise<void> {
    await this.store.deleteWhere('refreshToken', (token) => token.grantId === grantId);
  }

  // --- Helpers ------------------------------------------------------------------------------------

  private validateAuthorizationRequest(
    parameters: RequestParameters,
    client: RealmClient,
  ): ValidatedAuthorizationRequest | { error: string; description: string } {
    const responseType = parameters.get('response_type');
    if (responseType === undefined)
      return { error: 'invalid_request', description: 'Missing parameter: response_type' };
    if (responseType !== 'code')
      return { error: 'unsupported_response_type', description: 'Only response_type=code is supported' };
    const responseMode = parameters.get('response_mode');
    if (responseMode !== undefined && responseMode !== 'query')
      return { error: 'invalid_request', description: 'Only response_mode=query is supported' };
    if (parameters.get('request') !== undefined)
      return { error: 'request_not_supported', description: 'Request objects are not supported' };
    if (parameters.get('request_uri') !== undefined)
      return { error: 'request_uri_not_supported', description: 'request_uri is not supported' };

    const codeChallenge = parameters.get('code_challenge');
    const method = parameters.get('code_challenge_method');
    if (codeChallenge === undefined) {
      if (method !== undefined) return { error: 'invalid_request', description: 'Missing parameter: code_challenge' };
      if (client.pkceMethod !== undefined)
        return {
          error: 'invalid_request',
          description: 'Missing parameter: code_challenge_method (PKCE with S256 is required)',
        };
    } else {
      if (method !== 'S256')
        return {
          error: 'invalid_request',
          description: 'Invalid parameter: code_challenge_method (only S256 is supported)',
        };
      if (!isWellFormedPkceValue(codeChallenge))
        return { error: 'invalid_request', description: 'Invalid parameter: code_challenge' };
    }

    const prompt = new Set((parameters.get('prompt') ?? '').split(' ').filter((value) => value !== ''));
    if (prompt.has('none') && prompt.size > 1)
      return { error: 'invalid_request', description: 'prompt=none cannot be combined with other values' };
    const maxAgeText = parameters.get('max_age');
    if (maxAgeText !== undefined && !/^\d+$/.test(maxAgeText))
      return { error: 'invalid_request', description: 'Invalid parameter: max_age' };
    return {
      scope: grantedScope(parameters.get('scope')),
      nonce: parameters.get('nonce'),
      codeChallenge,
      prompt,
      maxAge: maxAgeText === undefined ? undefined : Number(maxAgeText),
      loginHint: parameters.get('login_hint'),
    };
  }

  private async redirectWithCode(
    request: Pick<
      PendingAuthorization,
      'clientId' | 'redirectUri' | 'state' | 'scope' | 'nonce' | 'codeChallenge' | 'issuer'
    >,
    session: ProviderSession,
    acr: '0' | '1',
  ): Promise<RedirectOutcome> {
    const code = randomToken();
    await this.store.put(
      'code',
      code,
      {
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        issuer: request.issuer,
        userId: session.userId,
        sessionId: session.sessionId,
        scope: request.scope,
        nonce: request.nonce,
        codeChallenge: request.codeChallenge,
        authTime: session.authTime,
        acr,
        grantId: randomUUID(),
      },
      (this.seconds() + this.realm.lifespans.code) * 1000,
    );
    return {
      kind: 'redirect',
      location: withQuery(request.redirectUri, {
        code,
        state: request.state,
        session_state: session.sessionId,
        iss: request.issuer,
      }),
    };
  }

  private signInPage(
    pendingId: string,
    pending: PendingAuthorization,
    status: number,
    username: string | undefined,
    error: string | undefined,
  ): SignInPage {
    return {
      kind: 'sign-in',
      status,
      pendingId,
      formToken: pending.formToken,
      browserId: pending.browserId,
      username,
      error,
      redirectOrigin: new URL(pending.redirectUri).origin,
    };
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}

/** A posted form counts only with its one-time token, from the browser the form was made for. */
function isFormOfThisBrowser(
  pending: { readonly browserId: string; readonly formToken: string } | undefined,
  formToken: string | undefined,
  browser: BrowserContext,
): pending is { readonly browserId: string; readonly formToken: string } {
  return (
    pending !== undefined &&
    formToken !== undefined &&
    browser.browserId !== undefined &&
    sameValue(pending.browserId, browser.browserId) &&
    sameValue(pending.formToken, formToken)
  );
}
