import { Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccessTokenVerifier, InvalidAccessTokenError, Public, RequestContext } from '@due-regard/identity';
import { safeReturnPath, SiteAddresses } from '../config/site-addresses.js';
import { SESSION_IDLE_SECONDS, WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { PageRenderer } from '../rendering/page-renderer.js';
import { CsrfUnlessSignedOut } from '../security/csrf.js';
import { destroy, regenerate, sessionOf, type PendingSignIn, type WebSession } from '../session/web-session.js';
import { WebController } from '../web-controller.decorator.js';
import { RelyingParty, SignInFailedError } from './relying-party.js';

/** At most this many sign-ins under way per browser (several tabs); the oldest is dropped. */
const MAX_PENDING_SIGN_INS = 3;

type SignInProblem = 'expired' | 'refused' | 'failed';

/**
 * Sign in with OpenID Connect (authorization code + PKCE) through the council's own sub-domain:
 * `/sign-in` → the provider → `/auth/callback` on the same sub-domain (each council's redirect URI
 * is registered in the realm) → back to the page that asked. Sign out ends the session here and at
 * the provider (RP-initiated logout), then lands on `/signed-out`.
 */
@WebController()
export class SignInController {
  private readonly addresses: SiteAddresses;

  constructor(
    @Inject(WEB_OPTIONS) private readonly options: WebOptions,
    private readonly relyingParty: RelyingParty,
    private readonly verifier: AccessTokenVerifier,
    private readonly context: RequestContext,
    private readonly renderer: PageRenderer,
  ) {
    this.addresses = new SiteAddresses(options.publicUrl);
  }

  @Get('sign-in')
  @Public()
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = required(sessionOf(request));
    const returnTo = safeReturnPath(request.query['returnTo']);
    if (session.tokens !== undefined) {
      response.redirect(303, returnTo);
      return;
    }
    const { url, pending } = await this.relyingParty.startSignIn(
      this.addresses.callbackUrl(this.context.tenant()),
      returnTo,
    );
    session.pendingSignIns = [...(session.pendingSignIns ?? []), pending].slice(-MAX_PENDING_SIGN_INS);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, url);
  }

  @Get('auth/callback')
  @Public()
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = required(sessionOf(request));
    const state = request.query['state'];
    const pending = typeof state === 'string' ? takePending(session, state) : undefined;
    if (pending === undefined) {
      await this.problem(request, response, 'expired');
      return;
    }
    if (request.query['error'] !== undefined) {
      await this.problem(request, response, 'refused');
      return;
    }
    const callbackUrl = new URL(this.addresses.callbackUrl(this.context.tenant()));
    callbackUrl.search = request.originalUrl.split('?')[1] ?? '';
    try {
      const tokens = await this.relyingParty.finishSignIn(callbackUrl, pending);
      const principal = await this.verifier.verify(tokens.accessToken);
      if (principal.subject !== tokens.subject) throw new SignInFailedError('the access token names someone else');
      // A new session id at sign-in: an id planted before it (session fixation) is worth nothing.
      await regenerate(session);
      const signedIn = required(sessionOf(request));
      signedIn.tokens = {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        idToken: tokens.idToken,
        signedInAt: Math.floor(Date.now() / 1000),
      };
      signedIn.displayName = principal.displayName;
      response.redirect(303, pending.returnTo);
    } catch (error) {
      if (!(error instanceof SignInFailedError) && !(error instanceof InvalidAccessTokenError)) throw error;
      await this.problem(request, response, 'failed');
    }
  }

  @Get('sign-out')
  @Public()
  async confirmSignOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (sessionOf(request)?.tokens === undefined) {
      response.redirect(303, '/signed-out');
      return;
    }
    await this.renderer.render(request, response, 'sign-in/sign-out.njk', { pageTitle: 'Sign out' });
  }

  @Post('sign-out')
  @Public()
  @CsrfUnlessSignedOut()
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = sessionOf(request);
    const idToken = session?.tokens?.idToken;
    if (session) await destroy(session);
    const cookie = { path: '/', httpOnly: true, secure: this.options.secureCookies };
    response.clearCookie(this.options.sessionCookieName, { ...cookie, sameSite: 'lax' });
    response.clearCookie(this.options.csrfCookieName, { ...cookie, sameSite: 'strict' });
    const endSession = await this.relyingParty.endSessionUrl(
      idToken,
      this.addresses.signedOutUrl(this.context.tenant()),
    );
    response.redirect(303, endSession ?? '/signed-out');
  }

  @Get('signed-out')
  @Public()
  async signedOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.renderer.render(request, response, 'sign-in/signed-out.njk', { pageTitle: 'You have signed out' });
  }

  private async problem(request: Request, response: Response, problem: SignInProblem): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'sign-in/sign-in-problem.njk',
      { pageTitle: 'Sorry, you could not be signed in', problem, idleMinutes: SESSION_IDLE_SECONDS / 60 },
      400,
    );
  }
}

function required(session: WebSession | undefined): WebSession {
  if (!session) throw new Error('The web session middleware did not run for this route');
  return session;
}

/** Finds and removes the pending sign-in of this state; one older than the login lifespan is gone. */
function takePending(session: WebSession, state: string): PendingSignIn | undefined {
  const all = session.pendingSignIns ?? [];
  const pending = all.find((candidate) => candidate.state === state);
  session.pendingSignIns = all.filter((candidate) => candidate.state !== state);
  if (pending === undefined) return undefined;
  return Math.floor(Date.now() / 1000) - pending.startedAt > SESSION_IDLE_SECONDS ? undefined : pending;
}
