import { Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@due-regard/identity';
import { SESSION_IDLE_SECONDS, WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { PageRenderer } from '../rendering/page-renderer.js';
import { WebController } from '../web-controller.decorator.js';

/** The cookies the identity provider sets while someone signs in: the embedded one's, or Keycloak's. */
const EMBEDDED_PROVIDER_COOKIES = [
  {
    name: 'DUE_REGARD_IDP_SESSION',
    purpose: 'Remembers that you have signed in, so that you are not asked for your password on every page',
    expires: 'When you sign out or close your browser',
  },
  {
    name: 'DUE_REGARD_IDP_BROWSER',
    purpose: 'Ties the sign-in form to your browser, so that nobody else can send it for you',
    expires: 'When you close your browser',
  },
];
const KEYCLOAK_COOKIES = [
  {
    name: 'KEYCLOAK_SESSION and KEYCLOAK_IDENTITY',
    purpose: 'Remember that you have signed in, so that you are not asked for your password on every page',
    expires: 'When you sign out, or 10 hours after you signed in',
  },
  {
    name: 'AUTH_SESSION_ID and KC_RESTART',
    purpose: 'Keep track of your sign-in while you fill in the sign-in form',
    expires: 'When you close your browser',
  },
];

/** The footer's pages, on every host: accessibility statement and cookies. */
@WebController()
export class InformationPagesController {
  constructor(
    @Inject(WEB_OPTIONS) private readonly options: WebOptions,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('accessibility')
  @Public()
  async accessibility(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.renderer.render(request, response, 'site/accessibility.njk', {
      pageTitle: 'Accessibility statement',
      idleMinutes: SESSION_IDLE_SECONDS / 60,
      serviceUrl: this.options.publicUrl,
    });
  }

  @Get('cookies')
  @Public()
  async cookies(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.renderer.render(request, response, 'site/cookies.njk', {
      pageTitle: 'Cookies',
      sessionCookie: this.options.sessionCookieName,
      csrfCookie: this.options.csrfCookieName,
      idleMinutes: SESSION_IDLE_SECONDS / 60,
      providerCookieRows: (this.options.embeddedProvider ? EMBEDDED_PROVIDER_COOKIES : KEYCLOAK_COOKIES).map(
        (cookie) => [
          { text: cookie.name, classes: 'app-table__cookie-name' },
          { text: cookie.purpose },
          { text: cookie.expires },
        ],
      ),
    });
  }
}
