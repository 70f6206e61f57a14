import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import nunjucks from 'nunjucks';
import { CouncilDirectory, mayDo as councilsMayDo } from '@due-regard/councils';
import { mayDo as accreditationsMayDo } from '@due-regard/accreditations';
import { councilPersonMay } from '@due-regard/forums';
import { mayDo as reportsMayDo } from '@due-regard/reports';
import {
  NoRequestContextError,
  PrincipalSource,
  RequestContext,
  tenantFromHost,
  type Principal,
  type Tenant,
} from '@due-regard/identity';
import { mayDo, personOf, type Person } from '@due-regard/plans';
import { SUPPORT_EMAIL, WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { CSRF_FIELD, CsrfProtection } from '../security/csrf.js';
import { newNonce, pageContentSecurityPolicy } from '../security/content-security-policy.js';
import { RelyingParty } from '../sign-in/relying-party.js';
import { takeFlash } from '../session/flash.js';
import { sessionOf } from '../session/web-session.js';
import { SiteAddresses } from '../config/site-addresses.js';

const GOVUK_FRONTEND_DIST = join(
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
);
/** Where our templates are. */
export const VIEWS = join(import.meta.dirname, '..', 'views');

/**
 * The Nunjucks environment the pages render in: our views, then govuk-frontend's dist; everything
 * a template outputs escaped unless it is marked safe.
 */
export function viewEnvironment({ cache }: { readonly cache: boolean }): nunjucks.Environment {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS, GOVUK_FRONTEND_DIST], { noCache: !cache }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
}

/** What the layout shows on every page: which council, who is signed in, the sign-out form's token. */
export interface SiteModel {
  readonly council: { readonly slug: string; readonly name: string } | null;
  readonly signedIn: boolean;
  readonly displayName: string | null;
  readonly csrfField: string;
  readonly csrfToken: string | null;
  readonly currentPath: string;
  /** The service navigation's links (govukServiceNavigation's `navigation`). */
  readonly navigation: readonly NavigationItem[];
  /** Where the council's name in the navigation leads: its home when signed in, else its public page. */
  readonly councilHomeHref: string;
  /** The "Sign in" link; null on the bare domain, where there is nothing to sign in to yet. */
  readonly signInHref: string | null;
  readonly platformUrl: string;
  readonly supportEmail: string;
  readonly assetVersion: string;
  /**
   * '' (this host) for assets and the footer's links, except on an unknown council's sub-domain,
   * where nothing is served (the tenancy middleware answers 404 first): there they point to the
   * bare domain.
   */
  readonly homeOrigin: string;
}

export interface NavigationItem {
  readonly href: string;
  readonly text: string;
  /** This very page. */
  readonly current: boolean;
  /** A page under this item (a plan under Plans). */
  readonly active: boolean;
}

export type PageModel = Readonly<Record<string, unknown>> & {
  /** The page's own part of the <title>; the layout adds the council and the service. */
  readonly pageTitle: string;
};

/**
 * Renders the Nunjucks views (search path: our views, then govuk-frontend's dist) into the GOV.UK
 * template, with a per-response nonce in a page-specific Content-Security-Policy.
 */
@Injectable()
export class PageRenderer {
  private readonly environment: nunjucks.Environment;
  private readonly addresses: SiteAddresses;

  constructor(
    @Inject(WEB_OPTIONS) private readonly options: WebOptions,
    private readonly directory: CouncilDirectory,
    private readonly csrf: CsrfProtection,
    private readonly relyingParty: RelyingParty,
    private readonly context: RequestContext,
    private readonly principals: PrincipalSource,
  ) {
    this.environment = viewEnvironment({ cache: !options.reloadTemplates });
    this.addresses = new SiteAddresses(options.publicUrl);
  }

  /** The tenant the Host names, read as the tenancy middleware reads it (works before it ran, too). */
  tenantOf(request: Request): Tenant {
    return tenantFromHost(request.headers.host, this.options.baseDomain) ?? { kind: 'platform' };
  }

  async site(request: Request, response: Response): Promise<SiteModel> {
    const tenant = this.tenantOf(request);
    const council = tenant.kind === 'council' ? await this.directory.find(tenant.slug) : null;
    const session = sessionOf(request);
    const signedIn = session?.tokens !== undefined;
    const currentPath = (request.originalUrl.split('?')[0] ?? '/').replace(/(.)\/+$/, '$1');
    const platformUrl = `${this.addresses.platformOrigin()}/`;
    const item = (href: string, text: string, path: string, within: readonly string[] = []): NavigationItem => ({
      href,
      text,
      current: currentPath === path,
      active: currentPath !== path && within.some((prefix) => currentPath.startsWith(prefix)),
    });
    const navigation =
      council === null
        ? [item(platformUrl, 'Councils', '/')]
        : councilNavigation(signedIn ? await this.personHere(request, council.slug) : null).map((link) =>
            item(link.href, link.text, link.href, link.within),
          );
    return {
      council: council === null ? null : { slug: council.slug, name: council.name },
      signedIn,
      displayName: signedIn ? (session?.displayName ?? null) : null,
      csrfField: CSRF_FIELD,
      csrfToken: signedIn ? this.csrf.tokenFor(request, response) : null,
      currentPath,
      navigation,
      councilHomeHref: signedIn ? '/' : '/public',
      // Shown on pages anyone may see: signing in from them leads to the council's home.
      signInHref: council === null ? null : '/sign-in',
      platformUrl,
      supportEmail: SUPPORT_EMAIL,
      assetVersion: GOVUK_FRONTEND_VERSION,
      homeOrigin: tenant.kind === 'council' && council === null ? this.addresses.platformOrigin() : '',
    };
  }

  /** The signed-in person in the council the request is for; null when nobody is signed in or on the bare domain. */
  async signedInPerson(request: Request): Promise<Person | null> {
    const tenant = this.tenantOf(request);
    if (tenant.kind !== 'council' || sessionOf(request)?.tokens === undefined) return null;
    return this.personHere(request, tenant.slug);
  }

  /**
   * The signed-in person in this council: from the principal the access guard found, or on a public
   * page (where no guard signs anyone in) from the session's tokens, verified as the guard verifies
   * them. No roles when neither is there.
   */
  private async personHere(request: Request, councilSlug: string): Promise<Person> {
    const principal = this.signedInByGuard() ?? (await this.principals.principalOf(request));
    return principal === null ? { roles: [], teams: [] } : personOf(principal, councilSlug);
  }

  private signedInByGuard(): Principal | null {
    if (!this.context.isActive()) return null;
    try {
      return this.context.principal();
    } catch (error) {
      if (error instanceof NoRequestContextError) return null;
      throw error;
    }
  }

  async render(request: Request, response: Response, view: string, model: PageModel, status = 200): Promise<void> {
    const site = await this.site(request, response);
    const nonce = newNonce();
    // A message from the previous page's redirect ("Plan imported") shows on the page it leads to.
    const flash = status === 200 && site.signedIn ? takeFlash(request) : null;
    const html = this.environment.render(view, { ...model, site, flash, cspNonce: nonce, htmlLang: 'en-GB' });
    response.setHeader(
      'Content-Security-Policy',
      pageContentSecurityPolicy({
        nonce,
        providerOrigin: this.relyingParty.providerOrigin(),
        assetOrigin: site.homeOrigin === '' ? null : site.homeOrigin,
        upgradeInsecureRequests: this.options.production,
      }),
    );
    response.setHeader('Cache-Control', 'no-store');
    response.status(status).type('html').send(html);
  }
}

/**
 * A council's service navigation: signed in with a role here, its home, plans and accreditations, imports for those who may import
 * and settings for those who may change them; for everyone, its published plans. Each link is
 * current on its own path, and active on the pages under it (`within`). `null`: nobody signed in.
 */
export function councilNavigation(
  signedIn: Person | null,
): { readonly href: string; readonly text: string; readonly within: readonly string[] }[] {
  return [
    // A person without a role here (a 403) is offered nothing but the published plans.
    ...(signedIn !== null && mayDo(signedIn, 'readPlans')
      ? [
          { href: '/', text: 'Home', within: [] },
          { href: '/plans', text: 'Plans', within: ['/plans/', '/strategies/'] },
        ]
      : []),
    ...(signedIn !== null && accreditationsMayDo(signedIn, 'readAccreditations')
      ? [{ href: '/accreditations', text: 'Accreditations', within: ['/accreditations/'] }]
      : []),
    ...(signedIn !== null && mayDo(signedIn, 'importPlan')
      ? [{ href: '/imports/new', text: 'Import', within: ['/imports/'] }]
      : []),
    ...(signedIn !== null && reportsMayDo(signedIn.roles, 'readReports')
      ? [{ href: '/reports', text: 'Reports', within: ['/reports/'] }]
      : []),
    { href: '/public', text: 'Published plans', within: ['/public/'] },
    ...(signedIn !== null && councilPersonMay(signedIn.roles, 'readInvitations')
      ? [{ href: '/forums', text: 'Forums', within: ['/forums/'] }]
      : []),
    ...(signedIn !== null && councilsMayDo(signedIn, 'changeCouncilSettings')
      ? [{ href: '/settings', text: 'Settings', within: [] }]
      : []),
  ];
}

const GOVUK_FRONTEND_VERSION = (createRequire(import.meta.url)('govuk-frontend/package.json') as { version: string })
  .version;
