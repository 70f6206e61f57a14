import { Inject, Injectable } from '@nestjs/common';
import { tenantFromHost } from '@due-regard/identity';
import type { CookieOptions, Request, Response } from 'express';
import { REALM_PATH, type BrowserContext } from '../embedded-openid-provider.js';
import type { ResolvedIdentityProviderOptions } from '../identity-provider.options.js';
import { RESOLVED_IDENTITY_PROVIDER_OPTIONS } from '../identity-provider.tokens.js';

/** The provider session (Keycloak's KEYCLOAK_SESSION): makes a second authorization silent. */
export const SESSION_COOKIE = 'DUE_REGARD_IDP_SESSION';
/** Binds pending sign-in and sign-out forms to the browser that asked for them. */
export const BROWSER_COOKIE = 'DUE_REGARD_IDP_BROWSER';

/** What the controllers need from each request: the issuer it addresses, its cookies, its host. */
@Injectable()
export class ProviderRequestContext {
  constructor(@Inject(RESOLVED_IDENTITY_PROVIDER_OPTIONS) private readonly options: ResolvedIdentityProviderOptions) {}

  issuer(request: Request): string {
    return `${this.options.issuerBaseUrl({ protocol: request.protocol, host: request.get('host') ?? '' })}${REALM_PATH}`;
  }

  browser(request: Request): BrowserContext {
    return {
      issuer: this.issuer(request),
      sessionCookie: cookie(request, SESSION_COOKIE),
      browserId: cookie(request, BROWSER_COOKIE),
    };
  }

  /** The same reading of the Host header as the tenancy middleware's: the platform, not a council. */
  isBareDomain(request: Request): boolean {
    return tenantFromHost(request.headers.host, this.options.baseDomain)?.kind === 'platform';
  }

  setCookie(response: Response, issuer: string, name: string, value: string): void {
    response.cookie(name, value, cookieOptions(issuer));
  }

  clearCookie(response: Response, issuer: string, name: string): void {
    response.clearCookie(name, cookieOptions(issuer));
  }
}

function cookieOptions(issuer: string): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: issuer.startsWith('https:'), path: `${REALM_PATH}/` };
}

function cookie(request: Request, name: string): string | undefined {
  const cookies: unknown = request.cookies;
  if (typeof cookies !== 'object' || cookies === null || !(name in cookies)) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(cookies, name)?.value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
