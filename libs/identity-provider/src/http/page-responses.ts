import type { Response } from 'express';
import type { PageOutcome } from '../embedded-openid-provider.js';
import { confirmLogoutHtml, errorPageHtml, signedOutHtml, signInPageHtml } from './pages.js';
import { BROWSER_COOKIE, SESSION_COOKIE, type ProviderRequestContext } from './provider-request-context.js';

/**
 * Sends a page with a policy of its own: no scripts, styles or frames, and forms that may post here
 * and (through the redirect that answers them) reach the client that is waiting for the user.
 */
export function sendHtml(response: Response, status: number, html: string, redirectOrigin: string | undefined): void {
  const formAction = ["'self'", ...(redirectOrigin === undefined ? [] : [redirectOrigin])].join(' ');
  response.setHeader(
    'Content-Security-Policy',
    `default-src 'none'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.status(status).type('html').send(html);
}

export function sendPage(
  response: Response,
  outcome: PageOutcome,
  context: ProviderRequestContext,
  issuer: string,
): void {
  switch (outcome.kind) {
    case 'redirect':
      if (outcome.sessionCookie !== undefined)
        context.setCookie(response, issuer, SESSION_COOKIE, outcome.sessionCookie);
      else if (outcome.clearSessionCookie === true) context.clearCookie(response, issuer, SESSION_COOKIE);
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('Referrer-Policy', 'no-referrer');
      response.redirect(302, outcome.location);
      return;
    case 'sign-in':
      context.setCookie(response, issuer, BROWSER_COOKIE, outcome.browserId);
      sendHtml(response, outcome.status, signInPageHtml(outcome), outcome.redirectOrigin);
      return;
    case 'confirm-logout':
      context.setCookie(response, issuer, BROWSER_COOKIE, outcome.browserId);
      sendHtml(response, 200, confirmLogoutHtml(outcome), outcome.redirectOrigin);
      return;
    case 'signed-out':
      if (outcome.clearSessionCookie) context.clearCookie(response, issuer, SESSION_COOKIE);
      sendHtml(response, 200, signedOutHtml(), undefined);
      return;
    case 'error':
      sendHtml(response, outcome.status, errorPageHtml(outcome), undefined);
      return;
  }
}
